using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Results;
using SchoolSupport.Infrastructure.Identification;
using SchoolSupport.Infrastructure.Results;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Reliability;

public sealed class RobustnessTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    [Fact]
    public async Task A_thousand_malformed_rows_and_files_give_only_clear_errors()
    {
        var importer = portal.Service<ResultsImport>(World.Scope(Roles.Operator));
        var random = new Random(2026);
        const string header = "Код ОО;Год;Процедура;Класс;Предмет;Участников;Средний балл;Доля ниже минимального балла, %;Доля отметок «2», %";
        string[] pieces = ["A1-001", "2021", "ОГЭ", "9", "Математика", "", "-1", "1e309", "NaN", "\"", "\"\"", ";;", "\t", "٣", "𝟙", "2 0 2 1", "100,5", "99.999",
            "ЕГЭ", "11", "Русский язык", "ВПР", "4", "0", "x", new string('9', 400), "A1-001;2021", "\r", "\u0000"];
        for (var i = 0; i < 1000; i++)
        {
            byte[] content;
            string name;
            switch (i % 4)
            {
                case 0: // rows of random pieces
                    var lines = Enumerable.Range(0, random.Next(1, 6)).Select(_ => string.Join(';', Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)])));
                    content = Encoding.UTF8.GetBytes(header + "\n" + string.Join("\n", lines));
                    name = "fuzz.csv";
                    break;
                case 1: // random bytes as CSV or XLSX
                    content = new byte[random.Next(0, 300)];
                    random.NextBytes(content);
                    name = random.Next(2) == 0 ? "fuzz.csv" : "fuzz.xlsx";
                    break;
                case 2: // a zip header followed by noise
                    content = [0x50, 0x4B, 0x03, 0x04, .. Enumerable.Range(0, random.Next(0, 200)).Select(_ => (byte)random.Next(256))];
                    name = "fuzz.xlsx";
                    break;
                default: // a valid row with one field replaced by garbage
                    var cells = "A1-001;2021;ОГЭ;9;Математика;50;14;6;5".Split(';');
                    cells[random.Next(cells.Length)] = pieces[random.Next(pieces.Length)];
                    content = Encoding.UTF8.GetBytes(header + "\n" + string.Join(';', cells));
                    name = random.Next(5) == 0 ? "fuzz.txt" : "fuzz.csv";
                    break;
            }
            var kind = random.Next(3) == 0 ? ImportKind.Context : ImportKind.Results;
            var prepared = await importer.PrepareAsync(kind, new MemoryStream(content), name);
            prepared.Errors.Should().NotContain(e => string.IsNullOrWhiteSpace(e.Message) || e.Message.Contains("Exception"), $"case {i}");
            if (!prepared.CanCommit) continue;
            // A row that survived the checks is a valid row: committing it must work too.
            await importer.CommitAsync(prepared);
        }
    }

    [Fact]
    public async Task An_identification_killed_mid_run_leaves_nothing_and_a_rerun_gives_the_same_list_as_an_undisturbed_run()
    {
        await using (var db = portal.System())
        {
            foreach (var (school, below) in new[] { (World.SchoolA1, 30m), (World.SchoolA1Second, 2m), (World.SchoolA2, 3m) })
            {
                for (var year = 2022; year <= 2024; year++)
                {
                    db.Results.Add(new AssessmentResult { RegionId = school.RegionId, SchoolId = school.Id, Year = year, Kind = AssessmentKind.Oge, Grade = 9,
                        Subject = Subject.Mathematics, Participants = 30, MeanScore = 20 - below / 3, BelowMinimumShare = below, FailShare = below });
                }
            }
            await db.SaveChangesAsync();
        }
        using var scope = portal.Services.CreateScope();
        var run = scope.ServiceProvider.GetRequiredService<RunIdentification>();

        using var kill = new CancellationTokenSource();
        var killed = async () =>
        {
            await using var db = portal.System();
            await run.ComputeAsync(db, World.RegionA.Id, 2024, "тест", p => { if (p >= 0.7) kill.Cancel(); }, kill.Token);
        };
        await killed.Should().ThrowAsync<OperationCanceledException>();
        await using (var db = portal.System())
        {
            (await db.Set<SupportList>().CountAsync(l => l.Year == 2024)).Should().Be(0, "the killed run committed nothing");
        }

        // Two runs at once, as two app instances would: one list, no duplicate entries.
        async Task<Guid> Once()
        {
            await using var db = portal.System();
            return await run.ComputeAsync(db, World.RegionA.Id, 2024, "тест", _ => { }, CancellationToken.None);
        }
        var ids = await Task.WhenAll(Once(), Once());
        ids[0].Should().Be(ids[1]);
        await using (var db = portal.System())
        {
            (await db.Set<SupportList>().CountAsync(l => l.Year == 2024)).Should().Be(1);
            var entries = await db.Set<SupportListEntry>().Where(e => e.ListId == ids[0]).ToListAsync();
            entries.Should().HaveCount(3);
            entries.Single(e => e.SchoolId == World.SchoolA1.Id).Included.Should().BeTrue();
            entries.Where(e => e.SchoolId != World.SchoolA1.Id).Should().OnlyContain(e => !e.Included);
        }
    }

    [Fact]
    public async Task A_tampered_antiforgery_token_is_refused()
    {
        using var client = portal.Anonymous();
        var page = await client.GetStringAsync("/account/login");
        var token = PortalFixture.AntiforgeryToken(page);
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token[..^4] + "AAAA",
            ["Input.Email"] = TestWorld.Email(Roles.Admin),
            ["Input.Password"] = TestWorld.Password,
        }));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Contains("Set-Cookie").Should().BeFalse();
    }

    [Fact]
    public async Task Ids_of_another_region_in_urls_give_nothing()
    {
        Guid foreignList;
        await using (var db = portal.System())
        {
            var methodology = new MethodologyVersion { Id = Guid.NewGuid(), RegionId = World.RegionB.Id, Year = 2024, Version = 1, Name = "Б", Json = "{}", Status = MethodologyStatus.Approved };
            var list = new SupportList(ListStatus.Published) { Id = Guid.NewGuid(), RegionId = World.RegionB.Id, Year = 2024, MethodologyId = methodology.Id, OrderNumber = "1", OrderDate = new DateOnly(2024, 9, 1) };
            db.AddRange(methodology, list);
            await db.SaveChangesAsync();
            foreignList = list.Id;
        }
        using var client = await portal.LoginAsync(TestWorld.Email(Roles.Ministry));
        using (var pdf = await client.GetAsync($"/lists/{foreignList}/list.pdf")) pdf.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using (var xlsx = await client.GetAsync($"/lists/{foreignList}/list.xlsx")) xlsx.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var card = await client.GetAsync($"/schools/{World.SchoolB1.Id}");
        card.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await card.Content.ReadAsStringAsync()).Should().NotContain(World.SchoolB1.ShortName);
        var export = await client.GetByteArrayAsync($"/results/export.xlsx?school={World.SchoolB1.Id}");
        Encoding.UTF8.GetString(export).Should().NotContain(World.SchoolB1.Code);
    }
}
