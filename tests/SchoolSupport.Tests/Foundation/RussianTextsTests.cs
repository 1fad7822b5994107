using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Foundation;

/// <summary>MudBlazor's own texts speak Russian: its localizer and the pagers of the pages with paged tables.</summary>
public sealed class RussianTextsTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    [Fact]
    public void MudBlazor_asks_the_russian_localizer()
    {
        var localizer = portal.Services.GetRequiredService<MudLocalizer>();
        localizer["MudTablePager_NextPage"].Value.Should().Be("Следующая страница");
        localizer["MudDialog_Close"].Value.Should().Be("Закрыть");
    }

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/admin/audit")]
    [InlineData("/schools")]
    public async Task Paged_tables_say_rows_per_page_in_russian(string url)
    {
        var client = await portal.LoginAsync(TestWorld.Email(Domain.Common.Roles.Admin));
        var html = await client.GetStringAsync(url);
        html.Should().NotContain("Rows per page").And.NotContain("Next page");
        html.Should().Contain("Строк на странице");
    }
}
