using System.Text;
using Microsoft.Playwright;
using SchoolSupport.Domain.Common;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Browser;

/// <summary>The bulk invitation goes through the one upload panel: the chosen file, the check with row errors, nothing written.</summary>
public sealed class ImportUploadJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_admin_uploads_an_invitation_file_with_a_bad_row_and_sees_the_row_error_and_no_commit_button()
    {
        var admin = await portal.SignInAsync(TestWorld.Email(Roles.Admin), TestWorld.Password);
        await BrowserFixture.GotoAsync(admin, "/admin/users");
        await admin.GetByText("Пригласить из файла").First.ClickAsync();
        var csv = "E-mail;ФИО;Роль;Код муниципалитета;Код школы;Коды школ наставника\nне-почта;Орлов Пётр Андреевич;Оператор (РЦОКО/СОИРО);;;\n";
        await BrowserFixture.SetFileAsync(admin.GetByTestId("invitations-file"),
            new FilePayload { Name = "приглашения.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await admin.GetByTestId("invitations-file-chosen").GetByText("Выбран файл: приглашения.csv").WaitForAsync();
        await admin.GetByTestId("import-preview").GetByText("Проверка файла «приглашения.csv»").WaitForAsync();
        await admin.GetByTestId("import-errors").WaitForAsync();
        (await admin.GetByTestId("import-commit").CountAsync()).Should().Be(0);
        (await BrowserFixture.AccessibilityProblemsAsync(admin)).Should().BeEmpty();
        await admin.Context.CloseAsync();
    }
}
