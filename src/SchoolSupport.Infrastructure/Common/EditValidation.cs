using System.ComponentModel.DataAnnotations;
using SchoolSupport.Domain.Common;

namespace SchoolSupport.Infrastructure.Common;

public static class EditValidation
{
    /// <summary>All Russian messages of an edit's attributes and of its own rules at once.</summary>
    public static List<string> Check(object edit) => Refusals(edit).Select(r => r.Message).ToList();

    /// <summary>As <see cref="Check"/>, each message with the property it belongs to, so that a form can show it by its field.</summary>
    public static List<Refusal> Refusals(object edit)
    {
        var results = new List<ValidationResult>();
        var context = new ValidationContext(edit);
        Validator.TryValidateObject(edit, context, results, validateAllProperties: true);
        // The validator skips the object's own rules once a property fails; the user should see all errors at once.
        if (edit is IValidatableObject self) results.AddRange(self.Validate(context));
        return results.DistinctBy(r => r.ErrorMessage).Select(r => new Refusal(r.ErrorMessage!, r.MemberNames.FirstOrDefault())).ToList();
    }

    /// <summary>Refuses the edit with every message at once when any attribute or rule of it fails.</summary>
    public static void ThrowIfInvalid(object edit)
    {
        var refusals = Refusals(edit);
        if (refusals.Count > 0) throw new DomainException(refusals);
    }
}
