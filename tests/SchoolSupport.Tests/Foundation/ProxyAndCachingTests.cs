using System.Net;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Monitoring;
using SchoolSupport.Tests.Monitoring;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Foundation;

/// <summary>Behind a TLS-terminating proxy on the same machine (nginx on loopback sending X-Forwarded-Proto), and the caching of downloads.</summary>
public sealed class ProxyAndCachingTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const int Year = 2031;
    private TestWorld World => portal.World;

    [Fact]
    public async Task Behind_an_https_proxy_the_auth_cookie_is_secure_and_hsts_is_sent()
    {
        using var client = portal.Anonymous();
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        using var response = await PortalFixture.PostLoginAsync(client, TestWorld.Email(Roles.Ministry), TestWorld.Password);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var authCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("schoolsupport.auth=", StringComparison.Ordinal));
        authCookie.Split(';').Select(p => p.Trim().ToLowerInvariant()).Should().Contain("secure");

        // HSTS is never sent for localhost; the proxy passes the public host name on.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Host = "portal.example.ru";
        using var page = await client.SendAsync(request);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Headers.GetValues("Strict-Transport-Security").Single().Should().Contain("max-age=");
    }

    [Fact]
    public async Task Over_plain_http_without_a_proxy_the_cookie_still_works_for_local_use()
    {
        using var client = portal.Anonymous();
        using var response = await PortalFixture.PostLoginAsync(client, TestWorld.Email(Roles.Ministry), TestWorld.Password);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("schoolsupport.auth=", StringComparison.Ordinal))
            .Split(';').Select(p => p.Trim().ToLowerInvariant()).Should().NotContain("secure");
        response.Headers.Contains("Strict-Transport-Security").Should().BeFalse();
    }

    [Fact]
    public async Task Every_download_and_export_is_sent_with_no_store()
    {
        var (listId, planId, versionId, stageId) = await SeedAsync();
        string[] paths =
        [
            "/schools/export.xlsx", "/results/export.xlsx", "/import/template/Results.xlsx", "/import/template/Context.csv",
            $"/lists/{listId}/list.pdf", $"/lists/{listId}/list.xlsx",
            $"/roadmaps/{planId}/export.pdf", $"/roadmaps/{planId}/export.xlsx", $"/documents/files/{versionId}",
            $"/monitoring/reports/stage/{stageId}.pdf", $"/monitoring/reports/stage/{stageId}.xlsx",
            $"/monitoring/reports/annual/{Year}.pdf", $"/monitoring/reports/annual/{Year}.xlsx",
            "/partnerships/export.xlsx", "/mentoring/journal/export.xlsx", "/mentoring/feedback/export.xlsx", "/mentoring/summary/export.xlsx",
            "/development/applications.xlsx",
        ];
        using var client = await portal.LoginAsync(TestWorld.Email(Roles.Operator));
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.OK, path);
            response.Headers.CacheControl.Should().NotBeNull(path);
            response.Headers.CacheControl!.NoStore.Should().BeTrue(path);
        }
    }

    private async Task<(Guid List, Guid Plan, Guid Version, Guid Stage)> SeedAsync()
    {
        var region = World.RegionA.Id;
        var methodology = new MethodologyVersion { Id = Guid.NewGuid(), RegionId = region, Year = Year, Version = 1, Name = "т", Json = "{}", Status = MethodologyStatus.Approved };
        var list = new SupportList(ListStatus.Published) { Id = Guid.NewGuid(), RegionId = region, Year = Year, MethodologyId = methodology.Id, OrderNumber = "1", OrderDate = new DateOnly(Year, 9, 1) };
        var plan = new Plan(PlanStatus.InProgress) { Id = Guid.NewGuid(), RegionId = region, Level = PlanLevel.School, SchoolId = World.SchoolA1.Id, MunicipalityId = World.A1.Id,
            Title = "Программа", PeriodFrom = new(Year, 11, 1), PeriodTo = new(Year + 1, 12, 31) };
        await using (var db = portal.System())
        {
            db.AddRange(methodology, list, plan);
            await db.SaveChangesAsync();
        }
        var version = await portal.Service<DocumentLibrary>(World.Scope(Roles.School)).UploadAsync(new DocumentUpload(
            World.A1.Id, World.SchoolA1.Id, DocumentKind.InternalQualityOrder, "Приказ о ВСОКО", "Приказ.pdf", new MemoryStream("%PDF-1.4\n%%EOF"u8.ToArray())));
        await MonitoringJobTests.Job(portal, MonitoringJobTests.At(Year, 11, 2)).RunAsync(CancellationToken.None);
        var stage = (await portal.Service<MonitoringCalendar>(World.Scope(Roles.Operator)).GetAsync(Year))!.Year.Stages[0].Id;
        return (list.Id, plan.Id, version!.Id, stage);
    }
}
