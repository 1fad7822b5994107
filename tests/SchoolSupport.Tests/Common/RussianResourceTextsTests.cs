using Microsoft.AspNetCore.Identity;
using SchoolSupport.Web.Localization;
using SchoolSupport.Web.Security;

namespace SchoolSupport.Tests.Common;

/// <summary>MudBlazor's own texts and Identity's messages come from Ui.resx with the wording users know.</summary>
public sealed class RussianResourceTextsTests
{
    [Fact]
    public void MudBlazor_texts_are_read_from_the_resources_by_MudBlazor_key()
    {
        var localizer = new RussianMudLocalizer();
        localizer["MudDataGridPager_RowsPerPage"].Value.Should().Be("Строк на странице:");
        localizer["MudPagination_PageIndex", 3].Value.Should().Be("Страница 3");
        RussianMudLocalizer.All.Should().HaveCount(71).And.ContainKey("MudTreeView_ExpandItem");
        RussianMudLocalizer.All.Keys.Should().OnlyContain(key => key.StartsWith("Mud", StringComparison.Ordinal));
    }

    [Fact]
    public void Identity_messages_are_read_from_the_resources()
    {
        IdentityErrorDescriber errors = new RussianIdentityErrors();
        errors.PasswordTooShort(12).Description.Should().Be("Пароль должен содержать не менее 12 символов.");
        errors.InvalidEmail("x").Description.Should().Be("Адрес «x» некорректен.");
        errors.PasswordTooShort(12).Code.Should().Be("PasswordTooShort");
    }
}
