using System.Text;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Infrastructure.Structure;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Structure;

/// <summary>The regional administrator keeps municipalities and educational districts: by form and from a file, in its own region only.</summary>
public sealed class StructureTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;
    private UserScope AdminA => World.Scope(Roles.Admin);
    private UserScope AdminB => World.Scope(Roles.Admin, "b");

    private static string Code(string prefix) => prefix + Random.Shared.Next(100_000);

    private static MemoryStream Csv(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\n", lines)));

    [Fact]
    public async Task Administrator_creates_a_district_of_municipalities_renames_and_deactivates_them_and_history_stays()
    {
        var m = await portal.Service<SaveMunicipality>(AdminA).SaveAsync(new MunicipalityEdit { Code = Code("M"), Name = "Котельничский район" });
        var district = new DistrictEdit { Code = Code("D"), Name = "Северный округ", MunicipalityIds = [m, World.A1.Id] };
        var d = await portal.Service<SaveDistrict>(AdminA).SaveAsync(district);
        await portal.Service<SaveMunicipality>(AdminA).SaveAsync(new MunicipalityEdit { Id = m, Code = "K-" + m.ToString()[..4], Name = "Котельничский муниципальный район", DistrictId = d });

        var rows = await portal.Service<StructureQueries>(AdminA).MunicipalitiesAsync();
        rows.Single(r => r.Id == m).Should().Match<MunicipalityRow>(r => r.Name == "Котельничский муниципальный район" && r.DistrictId == d && r.IsActive);
        (await portal.Service<StructureQueries>(AdminA).DistrictsAsync()).Single(r => r.Id == d).Municipalities.Should().Be(2);

        await portal.Service<SaveMunicipality>(AdminA).SetActiveAsync(World.A2.Id, active: false);
        try
        {
            var offered = await portal.Service<SchoolRegistry>(World.Scope(Roles.Operator)).MunicipalitiesAsync();
            offered.Select(o => o.Id).Should().Contain(World.A1.Id).And.NotContain(World.A2.Id);
            var card = await portal.Service<SchoolRegistry>(World.Scope(Roles.Operator)).CardAsync(World.SchoolA2.Id);
            card!.Municipality.Should().Be(World.A2.Name, "a deactivated municipality keeps its schools");
            var newSchool = () => portal.Service<SchoolRegistry>(World.Scope(Roles.Operator)).SaveAsync(new SchoolEdit
            {
                Code = Code("S"), FullName = "Новая школа", ShortName = "Новая", MunicipalityId = World.A2.Id, Enrolment = 10,
            });
            (await newSchool.Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal($"Муниципалитет «{World.A2.Name}» не действует.");
        }
        finally
        {
            await portal.Service<SaveMunicipality>(AdminA).SetActiveAsync(World.A2.Id, active: true);
        }
        await using var db = portal.System();
        (await db.Audit.Where(a => a.EntityId == World.A2.Id.ToString()).Select(a => a.Action).ToListAsync())
            .Should().Equal("municipality.deactivate", "municipality.reactivate");
    }

    [Fact]
    public async Task A_municipality_or_district_needs_a_code_a_name_and_a_free_code_and_a_refused_one_changes_nothing()
    {
        var save = portal.Service<SaveMunicipality>(AdminA);
        var empty = () => save.SaveAsync(new MunicipalityEdit { Code = "", Name = "" });
        (await empty.Should().ThrowAsync<DomainException>()).Which.Messages.Should().BeEquivalentTo(["Укажите код муниципалитета.", "Укажите наименование муниципалитета."]);
        var taken = () => save.SaveAsync(new MunicipalityEdit { Code = "A1", Name = "Двойник" });
        (await taken.Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal("Муниципалитет с кодом A1 уже есть.");
        var district = () => portal.Service<SaveDistrict>(AdminA).SaveAsync(new DistrictEdit { Code = "плохой код!", Name = "" });
        (await district.Should().ThrowAsync<DomainException>()).Which.Messages.Should().BeEquivalentTo(
            ["Код округа: до 20 букв, цифр или дефисов.", "Укажите наименование округа."]);

        var closed = await portal.Service<SaveDistrict>(AdminA).SaveAsync(new DistrictEdit { Code = Code("D"), Name = "Закрытый округ" });
        await portal.Service<SaveDistrict>(AdminA).SetActiveAsync(closed, active: false);
        var intoClosed = () => save.SaveAsync(new MunicipalityEdit { Id = World.A1.Id, Code = "A1", Name = World.A1.Name, DistrictId = closed });
        (await intoClosed.Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal("Округ «Закрытый округ» не действует.");

        await using var db = portal.System();
        (await db.Municipalities.CountAsync(m => m.Name == "Двойник")).Should().Be(0);
        (await db.Municipalities.SingleAsync(m => m.Id == World.A1.Id)).DistrictId.Should().NotBe(closed);
    }

    [Fact]
    public async Task Another_regions_administrator_cannot_touch_a_municipality_and_other_roles_cannot_keep_the_structure()
    {
        var rename = () => portal.Service<SaveMunicipality>(AdminB).SaveAsync(new MunicipalityEdit { Id = World.A1.Id, Code = "A1", Name = "Захвачен" });
        await rename.Should().ThrowAsync<ScopeException>();
        var deactivate = () => portal.Service<SaveMunicipality>(AdminB).SetActiveAsync(World.A1.Id, false);
        await deactivate.Should().ThrowAsync<ScopeException>();
        (await portal.Service<StructureQueries>(AdminB).MunicipalitiesAsync()).Select(m => m.Id).Should().Equal(World.B1.Id);
        var byOperator = () => portal.Service<SaveMunicipality>(World.Scope(Roles.Operator)).SaveAsync(new MunicipalityEdit { Code = Code("M"), Name = "Н" });
        await byOperator.Should().ThrowAsync<ScopeException>();
        var byPlatform = () => portal.Service<SaveDistrict>(World.PlatformAdmin).SaveAsync(new DistrictEdit { Code = Code("D"), Name = "Н" });
        await byPlatform.Should().ThrowAsync<ScopeException>();
        await using var db = portal.System();
        (await db.Municipalities.SingleAsync(m => m.Id == World.A1.Id)).Name.Should().Be(World.A1.Name);
    }

    [Fact]
    public async Task A_file_of_municipalities_with_errors_is_shown_row_by_row_and_nothing_is_written()
    {
        var good = Code("M");
        var file = Csv("Код муниципалитета;Наименование муниципалитета;Код округа",
            $"{good};Первый район;",
            $"{good};Повтор района;",
            "M-X;;",
            "M-Y;Район в неизвестном округе;NO-SUCH");
        var preview = await portal.Service<StructureImport>(AdminA).PrepareAsync(StructureKind.Municipalities, file, "mo.csv");
        preview.Errors.Select(e => (e.Row, e.Message)).Should().Equal(
            (3, $"Код {good} повторяется в файле (впервые в строке 2)."),
            (4, "Не указано наименование муниципалитета."),
            (5, "Округ с кодом «NO-SUCH» не найден в регионе."));
        preview.CanCommit.Should().BeFalse();
        var commit = () => portal.Service<StructureImport>(AdminA).CommitAsync(preview);
        await commit.Should().ThrowAsync<DomainException>();
        await using var db = portal.System();
        (await db.Municipalities.AnyAsync(m => m.Code == good)).Should().BeFalse();

        var missingColumn = () => portal.Service<StructureImport>(AdminA).PrepareAsync(StructureKind.Municipalities, Csv("Код;Имя", "1;2"), "mo.csv");
        (await missingColumn.Should().ThrowAsync<DomainException>()).Which.Message.Should().StartWith("В файле нет столбцов: «Код муниципалитета»");
    }

    [Fact]
    public async Task Districts_then_municipalities_from_files_are_written_whole_and_the_same_files_again_change_nothing()
    {
        var d = Code("OK");
        var m1 = Code("MO");
        var m2 = Code("MO");
        string[] districts = ["Код округа;Наименование округа", $"{d};Юго-Западный образовательный округ"];
        string[] municipalities = ["Код муниципалитета;Наименование муниципалитета;Код округа", $"{m1};Город Киров;", $"{m2};Котельничский район;{d}"];
        var import = portal.Service<StructureImport>(AdminA);

        var first = await import.CommitAsync(await import.PrepareAsync(StructureKind.Districts, Csv(districts), "ok.csv"));
        first.Should().Be(new StructureOutcome(1, 1, 0, 0));
        var preview = await import.PrepareAsync(StructureKind.Municipalities, Csv(municipalities), "mo.csv");
        (preview.New, preview.Errors.Count).Should().Be((2, 0));
        (await import.CommitAsync(preview)).Should().Be(new StructureOutcome(2, 2, 0, 0));

        var again = await import.PrepareAsync(StructureKind.Municipalities, Csv(municipalities), "mo.csv");
        (again.New, again.Changed, again.Unchanged).Should().Be((0, 0, 2));
        (await import.CommitAsync(again)).Should().Be(new StructureOutcome(2, 0, 0, 2));

        await using var db = portal.System();
        var districtId = await db.Districts.Where(x => x.Code == d).Select(x => x.Id).SingleAsync();
        (await db.Municipalities.SingleAsync(x => x.Code == m2)).DistrictId.Should().Be(districtId);
        (await db.Municipalities.SingleAsync(x => x.Code == m1)).RegionId.Should().Be(World.RegionA.Id);
        (await db.Audit.CountAsync(a => a.Action == "import.municipalities" && a.RegionId == World.RegionA.Id)).Should().BeGreaterThanOrEqualTo(2);

        // The same codes in region B are B's own rows; A's district is unknown there.
        var inB = await portal.Service<StructureImport>(AdminB).PrepareAsync(StructureKind.Municipalities, Csv(municipalities), "mo.csv");
        inB.Errors.Select(e => e.Message).Should().Equal($"Округ с кодом «{d}» не найден в регионе.");
    }

    [Fact]
    public async Task The_templates_read_back_with_their_own_columns()
    {
        foreach (var kind in Enum.GetValues<StructureKind>())
        {
            foreach (var csv in new[] { true, false })
            {
                var output = new MemoryStream();
                StructureImport.WriteTemplate(kind, csv, output);
                output.Position = 0;
                var rows = SmallTable.Read(output, csv ? "t.csv" : "t.xlsx", new Infrastructure.Results.ImportLimits(), StructureImport.Columns(kind), "t");
                rows.Should().NotBeEmpty();
            }
        }
    }
}
