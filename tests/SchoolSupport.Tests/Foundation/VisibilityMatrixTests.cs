using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Development;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Development;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Identification;
using SchoolSupport.Infrastructure.Mentoring;
using SchoolSupport.Infrastructure.Monitoring;
using SchoolSupport.Infrastructure.Partnerships;
using SchoolSupport.Infrastructure.Results;
using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Tests.Monitoring;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Foundation;

/// <summary>
/// Who sees what, as a matrix: each role of region A (the mentor assigned to school A1 only) against four schools —
/// its own (A1), another school of the same municipality (A1-2), another municipality (A2) and another region (B1) —
/// and every aggregate, each of which has exactly one object per school. The expected row is the same for every
/// aggregate: the set of schools the role sees. Asserted through the services and through the HTTP exports.
/// </summary>
public sealed class VisibilityMatrixTests(VisibilityMatrixTests.Fixture world) : IClassFixture<VisibilityMatrixTests.Fixture>
{
    private const int Year = 2030;

    public sealed class Fixture : PortalFixture
    {
        public Dictionary<Guid, Guid> ListOfRegion { get; } = [];
        public Dictionary<Guid, Guid> PlanOfSchool { get; } = [];
        public Dictionary<Guid, Guid> FileOfSchool { get; } = [];

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var w = World;
            var schools = new[] { w.SchoolA1, w.SchoolA1Second, w.SchoolA2, w.SchoolB1 };
            var mentorA = w.Scope(Roles.Mentor);
            var otherMentorA = await ExtraUsers.AddAsync(this, Roles.Mentor);
            var mentorB = await ExtraUsers.AddAsync(this, Roles.Mentor, regionId: w.RegionB.Id);
            await using (var db = System())
            {
                foreach (var region in new[] { w.RegionA.Id, w.RegionB.Id })
                {
                    var methodology = new MethodologyVersion { Id = Guid.NewGuid(), RegionId = region, Year = Year, Version = 1, Name = "т", Json = "{}", Status = MethodologyStatus.Approved };
                    var list = new SupportList(ListStatus.Published) { Id = Guid.NewGuid(), RegionId = region, Year = Year, MethodologyId = methodology.Id, OrderNumber = "1", OrderDate = new DateOnly(Year, 9, 15) };
                    list.Entries = schools.Where(s => s.RegionId == region).Select(s => new SupportListEntry
                    {
                        Id = Guid.NewGuid(), RegionId = region, ListId = list.Id, SchoolId = s.Id, Included = true, Computed = true, EvidenceJson = "{}",
                    }).ToList();
                    db.AddRange(methodology, list);
                    ListOfRegion[region] = list.Id;
                }
                var eventA = new PdEvent { Id = Guid.NewGuid(), RegionId = w.RegionA.Id, Title = "Курс А", Organiser = "ИРО", StartsOn = new(Year, 11, 1), EndsOn = new(Year, 11, 2), Hours = 16 };
                var eventB = new PdEvent { Id = Guid.NewGuid(), RegionId = w.RegionB.Id, Title = "Курс Б", Organiser = "ИРО", StartsOn = new(Year, 11, 1), EndsOn = new(Year, 11, 2), Hours = 16 };
                db.AddRange(eventA, eventB);
                var today = DateOnly.FromDateTime(DateTime.UtcNow);
                db.MentorAssignments.Add(new MentorAssignment
                {
                    Id = Guid.NewGuid(), RegionId = w.RegionA.Id, MentorId = mentorA.UserId, MentorName = mentorA.UserName, SchoolId = w.SchoolA1.Id,
                    From = today.AddDays(-30), To = today.AddDays(300), Responsibilities = "Сопровождение", AssignedAt = DateTimeOffset.UtcNow,
                });
                foreach (var s in schools)
                {
                    var inA = s.RegionId == w.RegionA.Id;
                    db.Results.Add(new AssessmentResult { RegionId = s.RegionId, SchoolId = s.Id, Year = Year, Kind = AssessmentKind.Oge, Grade = 9, Subject = Subject.Russian, Participants = 30, MeanScore = 25, BelowMinimumShare = 3 });
                    var plan = new Plan
                    {
                        Id = Guid.NewGuid(), RegionId = s.RegionId, Level = PlanLevel.School, SchoolId = s.Id, MunicipalityId = s.MunicipalityId,
                        Title = "Программа " + s.Code, PeriodFrom = new(Year, 11, 1), PeriodTo = new(Year + 1, 12, 31),
                    };
                    db.Plans.Add(plan);
                    PlanOfSchool[s.Id] = plan.Id;
                    var partnership = new Partnership
                    {
                        Id = Guid.NewGuid(), RegionId = s.RegionId, LeaderSchoolId = s.Id, Title = "Партнёрство " + s.Code, ValidFrom = new(Year, 9, 1),
                        ValidTo = new(Year + 1, 8, 31), CreatedAt = DateTimeOffset.UtcNow,
                    };
                    db.Partnerships.Add(partnership);
                    var mentor = s.Id == w.SchoolA1.Id ? mentorA : inA ? otherMentorA : mentorB;
                    db.Consultations.Add(new Consultation
                    {
                        Id = Guid.NewGuid(), RegionId = s.RegionId, SchoolId = s.Id, MentorId = mentor.UserId, MentorName = mentor.UserName,
                        Date = today.AddDays(-1), Topic = "Консультация " + s.Code, DurationMinutes = 60, ParticipantsCount = 3, CreatedAt = DateTimeOffset.UtcNow,
                    });
                    db.PdApplications.Add(new PdApplication
                    {
                        Id = Guid.NewGuid(), RegionId = s.RegionId, EventId = inA ? eventA.Id : eventB.Id, SchoolId = s.Id, Participants = 2,
                        AppliedAt = DateTimeOffset.UtcNow, AppliedByName = "Школа",
                    });
                }
                foreach (var user in w.Users.Values)
                {
                    db.Notifications.Add(new Notification { Id = Guid.NewGuid(), RegionId = user.RegionId, UserId = user.UserId, CreatedAt = DateTimeOffset.UtcNow, Title = "Для " + user.UserName, Body = "" });
                }
                await db.SaveChangesAsync();
            }
            foreach (var s in schools)
            {
                var uploader = Service<DocumentLibrary>(w.Scope(Roles.Operator, s.RegionId == w.RegionA.Id ? "a" : "b"));
                var version = await uploader.UploadAsync(new DocumentUpload(s.MunicipalityId, s.Id, DocumentKind.SelfAssessmentReport,
                    "Самообследование " + s.Code, "report.pdf", new MemoryStream("%PDF-1.4\n%%EOF"u8.ToArray())));
                FileOfSchool[s.Id] = version!.Id;
            }
            await MonitoringJobTests.Job(this, MonitoringJobTests.At(Year, 11, 2)).RunAsync(CancellationToken.None);
        }
    }

    private TestWorld W => world.World;

    private School[] Schools => [W.SchoolA1, W.SchoolA1Second, W.SchoolA2, W.SchoolB1];

    public static TheoryData<string> RolesOfRegionA => [Roles.Admin, Roles.Ministry, Roles.Operator, Roles.Municipal, Roles.School, Roles.Mentor];

    /// <summary>The matrix row of a role: which of own school, same municipality, other municipality, other region it sees.</summary>
    private string[] Expected(string role) => role switch
    {
        Roles.Admin or Roles.Ministry or Roles.Operator => [W.SchoolA1.Code, W.SchoolA1Second.Code, W.SchoolA2.Code],
        Roles.Municipal => [W.SchoolA1.Code, W.SchoolA1Second.Code],
        _ => [W.SchoolA1.Code],
    };

    private T As<T>(string role) where T : notnull => world.Service<T>(W.Scope(role));

    private string CodeOf(Guid schoolId) => Schools.Single(s => s.Id == schoolId).Code;

    private string? CodeIn(string text) => Schools.Select(s => s.Code).FirstOrDefault(text.EndsWith);

    [Theory]
    [MemberData(nameof(RolesOfRegionA))]
    public async Task Every_aggregate_shows_exactly_the_schools_of_the_role_through_the_services(string role)
    {
        var expected = Expected(role);
        var scope = W.Scope(role);

        var (schools, _) = await As<SchoolRegistry>(role).SearchAsync(new SchoolQuery(PageSize: 100));
        schools.Select(s => s.Code).Should().BeEquivalentTo(expected, "schools");

        var (results, _) = await As<ResultsBrowser>(role).SearchAsync(new ResultQuery(PageSize: 100));
        results.Select(r => r.SchoolCode).Should().BeEquivalentTo(expected, "results");

        var list = await As<ListQueries>(role).GetAsync(world.ListOfRegion[W.RegionA.Id]);
        list!.Entries.Select(e => e.SchoolCode).Should().BeEquivalentTo(expected, "list entries");
        (await As<ListQueries>(role).GetAsync(world.ListOfRegion[W.RegionB.Id])).Should().BeNull("a list of another region");

        var plans = await As<PlanBoard>(role).ListAsync();
        plans.Select(p => CodeIn(p.Title)).Where(c => c is not null).Should().BeEquivalentTo(expected, "plans");

        var documents = new List<string>();
        foreach (var s in Schools)
        {
            documents.AddRange((await As<DocumentLibrary>(role).ListAsync(s.MunicipalityId, s.Id)).Select(d => CodeIn(d.Title)!));
        }
        documents.Should().BeEquivalentTo(expected, "documents");
        foreach (var s in Schools)
        {
            var file = await As<DocumentLibrary>(role).OpenAsync(world.FileOfSchool[s.Id]);
            (file is not null).Should().Be(expected.Contains(s.Code), $"the file of {s.Code}");
        }

        var partnerships = await As<PartnershipQueries>(role).ListAsync();
        partnerships.Select(p => CodeIn(p.Title)).Should().BeEquivalentTo(expected, "partnerships");

        var consultations = await As<ConsultationQueries>(role).ListAsync(new ConsultationQuery());
        consultations.Select(c => CodeOf(c.Consultation.SchoolId)).Should().BeEquivalentTo(expected, "consultations");

        var applications = await As<ProfessionalDevelopment>(role).ApplicationsAsync();
        applications.Select(a => CodeOf(a.SchoolId)).Should().BeEquivalentTo(expected, "PD applications");

        var tasks = await As<MonitoringTasks>(role).ListAsync(new TaskFilter(Year: Year));
        var schoolTasks = tasks.Where(t => t.SchoolId is not null).Select(t => CodeOf(t.SchoolId!.Value)).Distinct();
        schoolTasks.Should().BeEquivalentTo(expected, "school monitoring tasks");
        foreach (var s in Schools.Where(s => !expected.Contains(s.Code)))
        {
            (await As<MonitoringTasks>(role).ListAsync(new TaskFilter(SchoolId: s.Id))).Should().BeEmpty($"tasks of {s.Code} asked for by id");
        }

        var notes = await As<NotificationService>(role).MineAsync(false);
        notes.Should().OnlyContain(n => n.UserId == scope.UserId, "notices of workflow steps (uploads here) go to their own recipients only");
        notes.Should().ContainSingle(n => n.Title.StartsWith("Для "));
    }

    [Theory]
    [MemberData(nameof(RolesOfRegionA))]
    public async Task Every_export_shows_exactly_the_schools_of_the_role(string role)
    {
        var expected = Expected(role);
        var client = await world.LoginAsync(TestWorld.Email(role));

        async Task<string[]> Xlsx(string url)
        {
            var response = await client.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.OK, url);
            var text = await CellsAsync(response);
            return [.. Schools.Where(s => text.Contains(s.ShortName, StringComparison.Ordinal) || text.Contains(s.Code, StringComparison.Ordinal)).Select(s => s.Code)];
        }

        // The registry and results exports are for those who see school data; the mentor and school see theirs.
        (await Xlsx("/schools/export.xlsx")).Should().BeEquivalentTo(expected, "registry export");
        (await Xlsx("/results/export.xlsx")).Should().BeEquivalentTo(expected, "results export");
        (await Xlsx($"/lists/{world.ListOfRegion[W.RegionA.Id]}/list.xlsx")).Should().BeEquivalentTo(expected, "list export");
        (await Xlsx("/partnerships/export.xlsx")).Should().BeEquivalentTo(expected, "partnerships export");
        (await Xlsx("/mentoring/journal/export.xlsx")).Should().BeEquivalentTo(expected, "journal export");
        (await Xlsx("/development/applications.xlsx")).Should().BeEquivalentTo(expected, "applications export");

        foreach (var s in Schools)
        {
            var sees = expected.Contains(s.Code);
            (await client.GetAsync($"/roadmaps/{world.PlanOfSchool[s.Id]}/export.xlsx")).StatusCode
                .Should().Be(sees ? HttpStatusCode.OK : HttpStatusCode.NotFound, $"the plan export of {s.Code}");
            (await client.GetAsync($"/documents/files/{world.FileOfSchool[s.Id]}")).StatusCode
                .Should().Be(sees ? HttpStatusCode.OK : HttpStatusCode.NotFound, $"the file of {s.Code}");
            var tasksPage = await client.GetStringAsync($"/monitoring/tasks?school={s.Id}");
            tasksPage.Contains(s.ShortName, StringComparison.Ordinal).Should().Be(sees, $"the tasks page of {s.Code}");
        }
        (await client.GetAsync($"/lists/{world.ListOfRegion[W.RegionB.Id]}/list.xlsx")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private static async Task<string> CellsAsync(HttpResponseMessage response)
    {
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var text = new StringBuilder();
        foreach (var sheet in MiniExcel.GetSheetNames(stream))
        {
            foreach (IDictionary<string, object?> row in stream.Query(sheetName: sheet))
            {
                foreach (var cell in row.Values) text.Append(cell).Append('\u001f');
            }
        }
        return text.ToString();
    }
}
