using Microsoft.Playwright;

namespace SchoolSupport.Tests.Browser;

/// <summary>The ministry reads the decision dashboard of the demo region at 1366×768 and drills into a figure.</summary>
public sealed class DecisionDashboardJourneyTests(BrowserFixture portal) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_ministry_dashboard_renders_without_horizontal_scrolling_and_drills_down_to_schools()
    {
        var ministry = await portal.SignInAsync("ministry@demo.local");
        await ministry.SetViewportSizeAsync(1366, 768);
        await BrowserFixture.GotoAsync(ministry, "/monitoring/overview");
        await ministry.GetByTestId("kpi-ListedSchoolsWithProgrammes").WaitForAsync();
        (await ministry.GetByTestId("kpi-light").CountAsync()).Should().Be(6);
        (await ministry.GetByTestId("ranking-row").CountAsync()).Should().BeGreaterThan(1);
        (await ministry.Locator("[data-testid=chart-mean] [data-testid=value-label]").CountAsync()).Should().BeGreaterThan(0);
        (await ministry.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"))
            .Should().BeFalse("the dashboard fits 1366 px without horizontal scrolling");
        await BrowserFixture.ScreenshotAsync(ministry, "ministry-overview");

        await ministry.GetByTestId("kpi-ListedSchoolsWithProgrammes").GetByTestId("kpi-drill").ClickAsync();
        await ministry.GetByTestId("drill-rows").WaitForAsync();
        (await ministry.GetByTestId("drill-row").CountAsync()).Should().BeGreaterThan(0);
        (await ministry.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth")).Should().BeFalse();
        await ministry.Context.CloseAsync();
    }
}
