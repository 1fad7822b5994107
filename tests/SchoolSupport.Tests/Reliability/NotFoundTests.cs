using System.Net;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Tests.Monitoring;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Reliability;

/// <summary>The portal with a log folder the test can read.</summary>
public sealed class LoggedPortal : PortalFixture
{
    public string LogFolder { get; } = Path.Combine(Path.GetTempPath(), "schoolsupport-tests", "logs-" + Guid.NewGuid().ToString("N")[..8]);

    protected override IEnumerable<string> ExtraArgs => [$"--LogFolder={LogFolder}"];

    public string Log() => Directory.Exists(LogFolder)
        ? string.Concat(Directory.GetFiles(LogFolder).Select(f => { using var s = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite); return new StreamReader(s).ReadToEnd(); }))
        : "";
}

/// <summary>A missing or foreign id, and an unknown address, answer 404 with the Russian «не найдено» page, and log no error.</summary>
public sealed class NotFoundTests(LoggedPortal portal) : IClassFixture<LoggedPortal>
{
    private static int _listYear = 2000;
    private TestWorld World => portal.World;

    /// <summary>Every page and download with an id in its address; {0} is the id.</summary>
    public static readonly TheoryData<string, string> Routes = new()
    {
        { "/schools/{0}", "school" },
        { "/schools/{0}/edit", "school" },
        { "/lists/{0}", "list" },
        { "/lists/{0}/list.pdf", "list" },
        { "/lists/{0}/list.xlsx", "list" },
        { "/roadmaps/{0}", "plan" },
        { "/roadmaps/{0}/export.pdf", "plan" },
        { "/roadmaps/{0}/export.xlsx", "plan" },
        { "/partnerships/{0}", "partnership" },
        { "/documents/files/{0}", "document" },
        { "/monitoring/reports/stage/{0}.pdf", "stage" },
        { "/monitoring/reports/stage/{0}.xlsx", "stage" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_missing_or_foreign_id_answers_the_russian_not_found_page(string route, string kind)
    {
        using var client = await portal.LoginAsync(TestWorld.Email(Roles.Admin));
        var ids = new List<Guid> { Guid.NewGuid() };
        if (await ForeignAsync(kind) is { } foreign) ids.Add(foreign);
        foreach (var id in ids)
        {
            var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, route, id);
            await ExpectNotFoundPageAsync(client, path);
        }
        portal.Log().Should().NotContain("[ERR]").And.NotContain("[FTL]");
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/schools/not-a-guid")]
    [InlineData("/monitoring/reports/annual/1900.pdf")]
    [InlineData("/public/lists/NOWHERE/2026")]
    public async Task An_unknown_address_answers_the_russian_not_found_page(string path)
    {
        using var client = await portal.LoginAsync(TestWorld.Email(Roles.Ministry));
        await ExpectNotFoundPageAsync(client, path);
        portal.Log().Should().NotContain("[ERR]").And.NotContain("[FTL]");
    }

    [Fact]
    public async Task An_unknown_address_answers_the_not_found_page_to_anonymous_visitors_too()
    {
        using var client = portal.Anonymous();
        await ExpectNotFoundPageAsync(client, "/no-such-page");
    }

    private static async Task ExpectNotFoundPageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.NotFound, path);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("Страница не найдена", path).And.Contain("href=\"/\"", path);
    }

    /// <summary>An object of region B, which the region A user must not see.</summary>
    private async Task<Guid?> ForeignAsync(string kind)
    {
        await using var db = portal.System();
        var region = World.RegionB.Id;
        switch (kind)
        {
            case "school":
                return World.SchoolB1.Id;
            case "list":
                var year = Interlocked.Increment(ref _listYear);
                var methodology = new MethodologyVersion { Id = Guid.NewGuid(), RegionId = region, Year = year, Version = 1, Name = "Б", Json = "{}", Status = MethodologyStatus.Approved };
                var list = new SupportList(ListStatus.Published) { Id = Guid.NewGuid(), RegionId = region, Year = year, MethodologyId = methodology.Id, OrderNumber = "1", OrderDate = new DateOnly(year, 9, 1) };
                db.AddRange(methodology, list);
                await db.SaveChangesAsync();
                return list.Id;
            case "plan":
                var plan = new Plan(PlanStatus.InProgress) { Id = Guid.NewGuid(), RegionId = region, Level = PlanLevel.School, SchoolId = World.SchoolB1.Id, MunicipalityId = World.B1.Id,
                    Title = "Программа Б", PeriodFrom = new(2026, 11, 1), PeriodTo = new(2027, 12, 31) };
                db.Plans.Add(plan);
                await db.SaveChangesAsync();
                return plan.Id;
            case "partnership":
                var partnership = new Partnership { Id = Guid.NewGuid(), RegionId = region, LeaderSchoolId = World.SchoolB1.Id, Title = "Партнёрство Б",
                    ValidFrom = new(2026, 1, 1), ValidTo = new(2027, 1, 1), CreatedAt = DateTimeOffset.UtcNow };
                db.Add(partnership);
                await db.SaveChangesAsync();
                return partnership.Id;
            case "document":
                var document = new Document { Id = Guid.NewGuid(), RegionId = region, MunicipalityId = World.B1.Id, SchoolId = World.SchoolB1.Id,
                    Kind = DocumentKind.InternalQualityOrder, Title = "Приказ Б", CreatedAt = DateTimeOffset.UtcNow };
                var version = new DocumentVersion { Id = Guid.NewGuid(), RegionId = region, DocumentId = document.Id, Number = 1, FileName = "Приказ.pdf",
                    Type = FileType.Pdf, Size = 1, Sha256 = "", StoragePath = "none", UploadedAt = DateTimeOffset.UtcNow, UploadedByName = "Б" };
                db.AddRange(document, version);
                await db.SaveChangesAsync();
                return version.Id;
            case "stage":
                // The daily job lays out the monitoring calendar of every region, region B's too.
                await MonitoringJobTests.Job(portal, MonitoringJobTests.At(2032, 11, 2)).RunAsync(CancellationToken.None);
                return await db.Set<MonitoringStage>().Where(s => s.RegionId == region).Select(s => s.Id).FirstAsync();
            default:
                return null;
        }
    }
}
