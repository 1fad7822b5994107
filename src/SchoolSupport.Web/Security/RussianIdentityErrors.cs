using System.Globalization;
using Microsoft.AspNetCore.Identity;
using SchoolSupport.Web.Resources;

namespace SchoolSupport.Web.Security;

/// <summary>Identity's validation messages in Russian.</summary>
public sealed class RussianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), Format(Ui.Identity_PasswordTooShort, length));
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), Ui.Identity_PasswordRequiresDigit);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), Ui.Identity_PasswordRequiresLower);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), Ui.Identity_PasswordRequiresUpper);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), Ui.Identity_PasswordRequiresNonAlphanumeric);
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), Format(Ui.Identity_DuplicateEmail, email));
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), Format(Ui.Identity_DuplicateUserName, userName));
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), Format(Ui.Identity_InvalidEmail, email));
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), Format(Ui.Identity_InvalidUserName, userName));
    public override IdentityError DefaultError() => Error(nameof(DefaultError), Ui.Identity_DefaultError);
    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), Ui.Identity_ConcurrencyFailure);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };

    private static string Format(string text, object? value) => string.Format(CultureInfo.CurrentCulture, text, value);
}
