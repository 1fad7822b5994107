using System.Text;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Infrastructure.Structure;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Structure;

/// <summary>The school registry from a file: every attribute and the yearly context, checked whole, written whole, matched by code.</summary>
public sealed class RegistryImportTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;
    private UserScope AdminA => World.Scope(Roles.Admin);
    private UserScope AdminB => World.Scope(Roles.Admin, "b");
    private static readonly string Header = string.Join(';', RegistryColumns.All);

    private static string Code() => "T" + Random.Shared.Next(10_000_000);

    private static string Row(string code, string municipality = "A1", string levels = "НОО, ООО", string enrolment = "320", string year = "2025",
        string closed = "", string mergedInto = "", string name = "Школа") =>
        $"{code};МОУ «{name} {code}»;{name} {code};{municipality};ул. Ленина, 5;сельская;{levels};да;{enrolment};нет;донор;нет;да;{closed};{mergedInto};" +
        (year.Length == 0 ? ";;;;;;;;;;;" : $"{year};92,5;2;44,1;3,1;1,5;30;8;2;да;25;60");

    private static MemoryStream Csv(params string[] rows) => new(Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows])));

    [Fact]
    public async Task A_registry_file_creates_schools_with_all_attributes_and_context_and_the_same_file_again_changes_nothing()
    {
        var (a, b) = (Code(), Code());
        var import = portal.Service<RegistryImport>(AdminA);
        var preview = await import.PrepareAsync(Csv(Row(a), Row(a, year: "2024"), Row(b, municipality: "A2", year: "")), "реестр.csv");
        preview.Errors.Should().BeEmpty();
        (preview.New, preview.Changed, preview.Unchanged).Should().Be((2, 0, 0));
        (await import.CommitAsync(preview)).Should().Be(new RegistryOutcome(2, 2, 0, 0, 2));

        await using (var db = portal.System())
        {
            var school = await db.Schools.Include(s => s.Profiles).SingleAsync(s => s.Code == a);
            school.Should().Match<School>(s => s.RegionId == World.RegionA.Id && s.MunicipalityId == World.A1.Id && s.FullName == $"МОУ «Школа {a}»"
                && s.Locality == Locality.Rural && s.Levels == (EducationLevels.Primary | EducationLevels.Basic) && s.AdvancedStudy && s.Enrolment == 320
                && !s.IsInnovationSite && s.Leader == LeaderKind.Donor && !s.IsConsultingCentre && s.Is500Plus && s.ClosedOn == null);
            school.Profiles.Select(p => p.Year).Should().BeEquivalentTo([2024, 2025]);
            school.Profiles.Single(p => p.Year == 2025).Should().Match<SchoolYearProfile>(p => p.StaffingPercent == 92.5m && p.Vacancies == 2
                && p.TeachersAverageAge == 44.1m && p.HasInternet && p.ContinuingToGrade10Share == 60);
            (await db.Schools.SingleAsync(s => s.Code == b)).MunicipalityId.Should().Be(World.A2.Id);
            (await db.Audit.CountAsync(x => x.Action == "import.registry" && x.RegionId == World.RegionA.Id)).Should().BeGreaterThan(0);
        }

        var again = await import.PrepareAsync(Csv(Row(a), Row(a, year: "2024"), Row(b, municipality: "A2", year: "")), "реестр.csv");
        (again.New, again.Changed, again.Unchanged).Should().Be((0, 0, 2));
        (await import.CommitAsync(again)).Should().Be(new RegistryOutcome(2, 0, 0, 2, 0));
    }

    [Fact]
    public async Task Every_bad_row_is_named_in_russian_and_nothing_of_the_file_is_written()
    {
        var (ok, dup) = (Code(), Code());
        var preview = await portal.Service<RegistryImport>(AdminA).PrepareAsync(Csv(
            Row(ok),
            Row(dup),
            Row(dup),
            Row(Code(), municipality: "NOPE"),
            Row(Code(), levels: "НОО, ВУЗ"),
            Row(Code(), enrolment: "-5"),
            Row(Code(), year: "1990"),
            Row(Code(), closed: "31.02.2025")), "bad.csv");
        var max = DateTime.UtcNow.Year + 1;
        preview.Errors.Select(e => (e.Row, e.Message)).Should().Equal(
            (4, $"Код ОО {dup} с годом 2025 повторяется в файле (впервые в строке 3)."),
            (5, "Муниципалитет с кодом «NOPE» не найден в регионе."),
            (6, "Уровни образования «НОО, ВУЗ»: укажите НОО, ООО и/или СОО через запятую."),
            (7, "Численность обучающихся «-5» должна быть целым числом от 0 до 10 000."),
            (8, $"Год «1990» вне допустимого диапазона 2015–{max}."),
            (9, "Дата закрытия «31.02.2025»: укажите в виде ДД.ММ.ГГГГ."));
        var commit = () => portal.Service<RegistryImport>(AdminA).CommitAsync(preview);
        await commit.Should().ThrowAsync<DomainException>();
        await using var db = portal.System();
        (await db.Schools.AnyAsync(s => s.Code == ok)).Should().BeFalse("the file is written whole or not at all");
    }

    [Fact]
    public async Task Export_then_import_gives_the_same_registry_and_restores_a_changed_school()
    {
        var code = Code();
        var import = portal.Service<RegistryImport>(AdminA);
        await import.CommitAsync(await import.PrepareAsync(Csv(Row(code), Row(code, year: "2023")), "seed.csv"));

        foreach (var csv in new[] { true, false })
        {
            var exported = new MemoryStream();
            await portal.Service<RegistryExports>(AdminA).WriteAsync(csv, exported);
            await using (var db = portal.System())
            {
                var school = await db.Schools.SingleAsync(s => s.Code == code);
                school.ShortName = "Переименована вручную";
                await db.SaveChangesAsync();
            }
            exported.Position = 0;
            var preview = await import.PrepareAsync(exported, csv ? "export.csv" : "export.xlsx");
            preview.Errors.Should().BeEmpty();
            (preview.New, preview.Changed).Should().Be((0, 1), "only the school renamed after the export differs");
            await import.CommitAsync(preview);

            var again = new MemoryStream();
            await portal.Service<RegistryExports>(AdminA).WriteAsync(csv, again);
            again.Position = 0;
            var second = await import.PrepareAsync(again, csv ? "export.csv" : "export.xlsx");
            (second.New, second.Changed).Should().Be((0, 0));
            second.Unchanged.Should().Be(second.Schools.Count);
            if (csv) Encoding.UTF8.GetString(again.ToArray()).Should().Contain(Header);
        }
        await using var check = portal.System();
        (await check.Schools.SingleAsync(s => s.Code == code)).ShortName.Should().Be($"Школа {code}");
    }

    [Fact]
    public async Task Another_regions_codes_are_unknown_and_its_schools_are_untouched()
    {
        var preview = await portal.Service<RegistryImport>(AdminB).PrepareAsync(Csv(Row(World.SchoolA1.Code, municipality: "A1")), "b.csv");
        preview.Errors.Select(e => e.Message).Should().Equal("Муниципалитет с кодом «A1» не найден в регионе.");

        // The same school code in region B is B's own school: A's school keeps its name.
        var inB = await portal.Service<RegistryImport>(AdminB).PrepareAsync(Csv(Row(World.SchoolA1.Code, municipality: "B1", name: "Чужая")), "b.csv");
        (await portal.Service<RegistryImport>(AdminB).CommitAsync(inB)).Inserted.Should().Be(1);
        await using var db = portal.System();
        (await db.Schools.SingleAsync(s => s.Id == World.SchoolA1.Id)).ShortName.Should().Be(World.SchoolA1.ShortName);
        var export = () => portal.Service<RegistryExports>(World.Scope(Roles.Operator)).WriteAsync(true, new MemoryStream());
        await export.Should().ThrowAsync<ScopeException>();
        var byPlatform = () => portal.Service<RegistryImport>(World.PlatformAdmin).PrepareAsync(Csv(Row(Code())), "p.csv");
        await byPlatform.Should().ThrowAsync<ScopeException>();
    }

    [Fact]
    public async Task A_school_closed_by_merger_keeps_its_results_and_stays_visible()
    {
        var (closing, keeping) = (Code(), Code());
        var import = portal.Service<RegistryImport>(AdminA);
        await import.CommitAsync(await import.PrepareAsync(Csv(Row(closing), Row(keeping)), "seed.csv"));
        Guid closingId;
        await using (var db = portal.System())
        {
            closingId = await db.Schools.Where(s => s.Code == closing).Select(s => s.Id).SingleAsync();
            db.Results.Add(new AssessmentResult { RegionId = World.RegionA.Id, SchoolId = closingId, Year = 2025, Kind = AssessmentKind.Oge, Grade = 9, Subject = Subject.Russian, Participants = 20, MeanScore = 20 });
            await db.SaveChangesAsync();
        }

        var selfMerge = await import.PrepareAsync(Csv(Row(closing, closed: "01.09.2026", mergedInto: closing)), "self.csv");
        selfMerge.Errors.Select(e => e.Message).Should().Equal($"Школа {closing} не может быть присоединена к самой себе.");

        var merge = await import.PrepareAsync(Csv(Row(closing, closed: "01.09.2026", mergedInto: keeping), Row(keeping)), "merge.csv");
        merge.Errors.Should().BeEmpty();
        await import.CommitAsync(merge);

        var card = await portal.Service<SchoolRegistry>(World.Scope(Roles.Operator)).CardAsync(closingId);
        card!.School.ClosedOn.Should().Be(new DateOnly(2026, 9, 1));
        card.Results.Should().ContainSingle(r => r.Subject == Subject.Russian, "a closed school keeps its results");
        await using var check = portal.System();
        var keepingId = await check.Schools.Where(s => s.Code == keeping).Select(s => s.Id).SingleAsync();
        card.School.MergedIntoId.Should().Be(keepingId);
    }

    [Fact]
    public void Closing_a_school_refuses_a_second_closure_and_a_merger_into_itself_or_a_closed_school()
    {
        var a = new School { Id = Guid.NewGuid(), Code = "A" };
        var b = new School { Id = Guid.NewGuid(), Code = "B" };
        var self = () => a.Close(new DateOnly(2026, 9, 1), a);
        self.Should().Throw<DomainException>().WithMessage("Школу нельзя присоединить к самой себе.");
        b.Close(new DateOnly(2026, 9, 1));
        var intoClosed = () => a.Close(new DateOnly(2026, 9, 1), b);
        intoClosed.Should().Throw<DomainException>().WithMessage("Школа B закрыта: к ней нельзя присоединить другую.");
        var twice = () => b.Close(new DateOnly(2026, 9, 2));
        twice.Should().Throw<DomainException>().WithMessage("Школа B уже закрыта.");
    }
}
