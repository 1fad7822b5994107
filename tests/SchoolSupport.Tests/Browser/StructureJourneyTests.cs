using System.Text;
using Microsoft.Playwright;
using SchoolSupport.Domain.Common;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Browser;

/// <summary>The first day of a region in a real browser: the platform administrator creates it; its administrator loads municipalities from a file.</summary>
public sealed class StructureJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Platform_administrator_creates_a_region_and_a_regional_administrator_imports_municipalities()
    {
        var code = "R" + Random.Shared.Next(100_000);
        var platform = await portal.SignInAsync(TestWorld.Email(Roles.PlatformAdmin), TestWorld.Password);
        await BrowserFixture.GotoAsync(platform, "/platform/regions");
        await platform.GetByTestId("new-region").ClickAsync();
        await platform.GetByLabel("Код").FillAsync(code);
        await platform.GetByLabel("Наименование", new() { Exact = true }).FillAsync("Кировская область");
        await platform.GetByTestId("region-save").ClickAsync();
        await platform.GetByText("Регион «Кировская область» создан.").WaitForAsync();
        await platform.GetByTestId("regions").GetByText(code).WaitForAsync();
        (await BrowserFixture.AccessibilityProblemsAsync(platform)).Should().BeEmpty();
        await BrowserFixture.ScreenshotAsync(platform, "platform-regions");
        await platform.Context.CloseAsync();

        var municipality = "MO" + Random.Shared.Next(100_000);
        var admin = await portal.SignInAsync(TestWorld.Email(Roles.Admin), TestWorld.Password);
        await BrowserFixture.GotoAsync(admin, "/admin/structure");
        var csv = $"Код муниципалитета;Наименование муниципалитета;Код округа\n{municipality};Слободской район;\n";
        await BrowserFixture.SetFileAsync(admin.GetByTestId("structure-file"), new FilePayload { Name = "mo.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await admin.GetByText("Будет добавлено: 1, изменено: 0, без изменений: 0. Ошибок: 0.").WaitForAsync();
        await admin.GetByTestId("import-commit").ClickAsync();
        await admin.GetByText("Загрузка завершена: строк 1, добавлено 1, изменено 0, без изменений 0.").WaitForAsync();
        await admin.GetByTestId("municipalities").GetByText("Слободской район").WaitForAsync();
        (await BrowserFixture.AccessibilityProblemsAsync(admin)).Should().BeEmpty();
        await BrowserFixture.ScreenshotAsync(admin, "admin-structure");
        await admin.Context.CloseAsync();
    }
}
