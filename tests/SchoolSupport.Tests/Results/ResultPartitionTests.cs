using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Results;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Results;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Results;

/// <summary>
/// Results partitioned by region and year: a new year is loaded into a table of its own (rows encoded by the parsers, COPY
/// FREEZE, key built after, attached), a loaded year is compared with the file and merged, and rows written any other way land
/// in the default partition. All of it in the import's one transaction.
/// </summary>
public sealed class ResultPartitionTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Header = "Код ОО;Год;Процедура;Класс;Предмет;Участников;Средний балл;Доля ниже минимального балла, %;Доля отметок «2», %";
    private static readonly ImportLimits Small = new() { BatchRows = 7, BatchesInFlight = 2 };

    private ResultsImport Importer(string region = "a")
    {
        var scope = portal.World.Scope(Roles.Operator, region);
        return new ResultsImport(portal.Service<IDbContextFactory<AppDbContext>>(scope), portal.Service<ICurrentScope>(scope), TimeProvider.System, Small);
    }

    private static readonly string[] Figures = ["0", "0,5", "45,67", "100", "7,1", "99,99", "12"];

    /// <summary>Two schools × the figures above on ОГЭ and ЕГЭ mathematics: 28 rows.</summary>
    private static List<string> Rows(int year, string[] schools)
    {
        var rows = new List<string>();
        foreach (var school in schools)
        {
            foreach (var (kind, grade) in new[] { ("ОГЭ", 9), ("ЕГЭ", 11) })
            {
                foreach (var subject in new[] { Subject.Mathematics, Subject.Russian, Subject.Physics, Subject.Chemistry, Subject.Biology, Subject.History, Subject.Geography })
                {
                    var figure = Figures[(rows.Count + grade) % Figures.Length];
                    rows.Add($"{school};{year};{kind};{grade};{Titles.Of(subject)};{rows.Count};{figure};{Figures[rows.Count % Figures.Length]};0,01");
                }
            }
        }
        return rows;
    }

    private static MemoryStream Csv(IEnumerable<string> lines) => new(Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. lines])));

    private async Task<List<string>> PartitionsAsync(Guid regionId)
    {
        await using var db = portal.System();
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'assessment_results'::regclass AND c.relname LIKE $1 ORDER BY 1
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = $"assessment_results_{regionId:N}_%" });
        var names = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }

    private async Task<long> DefaultRowsAsync(int year)
    {
        await using var db = portal.System();
        return await db.Database.SqlQuery<long>($"SELECT count(*) AS \"Value\" FROM assessment_results_default WHERE year = {year}").SingleAsync();
    }

    [Fact]
    public async Task A_new_year_gets_a_partition_of_its_own_and_every_figure_is_stored_exactly()
    {
        var rows = Rows(2018, ["A1-001", "A1-002"]);
        var stats = new ImportPipelineStats();
        var outcome = await Importer().ImportAsync(ImportKind.Results, Csv(rows), "p2018.csv", stats: stats);

        outcome.Should().Be(new ImportOutcome(28, 28, 0, 0));
        stats.Staged.Should().BeFalse();
        (await PartitionsAsync(portal.World.RegionA.Id)).Should().Contain(ResultPartitions.Name(portal.World.RegionA.Id, 2018));
        (await DefaultRowsAsync(2018)).Should().Be(0);
        await using var db = portal.System();
        var stored = await db.Results.Where(r => r.Year == 2018).OrderBy(r => r.Participants).ToListAsync();
        stored.Should().HaveCount(28);
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = rows[i].Split(';');
            var row = stored.Single(r => r.Participants == i);
            row.MeanScore.Should().Be(decimal.Parse(cells[6], CultureInfo.GetCultureInfo("ru-RU")), rows[i]);
            row.BelowMinimumShare.Should().Be(decimal.Parse(cells[7], CultureInfo.GetCultureInfo("ru-RU")), rows[i]);
            row.FailShare.Should().Be(0.01m);
        }
    }

    [Fact]
    public async Task A_bad_row_after_the_copy_began_leaves_neither_rows_nor_a_partition()
    {
        var rows = Rows(2019, ["A1-001", "A1-002"]);
        rows.Add("A1-001;2019;ОГЭ;9;Математика;50;14;5;-3");
        var import = () => Importer().ImportAsync(ImportKind.Results, Csv(rows), "p2019.csv");
        (await import.Should().ThrowAsync<ImportRowsException>()).Which.Errors.Should().ContainSingle()
            .Which.Message.Should().Be("Доля отметок «2»: значение «-3» должно быть числом от 0 до 100.");
        (await PartitionsAsync(portal.World.RegionA.Id)).Should().NotContain(ResultPartitions.Name(portal.World.RegionA.Id, 2019));
        await using var db = portal.System();
        (await db.Results.CountAsync(r => r.Year == 2019)).Should().Be(0);
    }

    [Fact]
    public async Task Rows_written_otherwise_land_in_the_default_partition_and_an_import_of_their_year_merges_with_them()
    {
        await using (var db = portal.System())
        {
            db.Results.Add(new AssessmentResult
            {
                RegionId = portal.World.RegionA.Id, SchoolId = portal.World.SchoolA1.Id, Year = 2020, Kind = AssessmentKind.Oge, Grade = 9,
                Subject = Subject.Mathematics, Participants = 1, MeanScore = 1, BelowMinimumShare = 1, FailShare = 1,
            });
            await db.SaveChangesAsync();
        }
        (await DefaultRowsAsync(2020)).Should().Be(1);

        var stats = new ImportPipelineStats();
        var outcome = await Importer().ImportAsync(ImportKind.Results, Csv(Rows(2020, ["A1-001"])), "p2020.csv", stats: stats);

        stats.Staged.Should().BeTrue("the year has a row already");
        outcome.Should().Be(new ImportOutcome(14, 13, 1, 0));
        await using var check = portal.System();
        (await check.Results.CountAsync(r => r.Year == 2020)).Should().Be(14);
    }

    [Fact]
    public async Task A_year_emptied_by_a_deletion_is_loaded_again_as_new_and_another_region_keeps_its_own_partition()
    {
        await Importer().ImportAsync(ImportKind.Results, Csv(Rows(2015, ["A1-001"])), "p2015.csv");
        await Importer("b").ImportAsync(ImportKind.Results, Csv(Rows(2015, ["B1-001"])), "p2015-b.csv");
        await using (var db = portal.System())
        {
            await db.Results.Where(r => r.RegionId == portal.World.RegionA.Id && r.Year == 2015).ExecuteDeleteAsync();
        }

        var stats = new ImportPipelineStats();
        var outcome = await Importer().ImportAsync(ImportKind.Results, Csv(Rows(2015, ["A1-002"])), "p2015-again.csv", stats: stats);

        stats.Staged.Should().BeFalse("the empty partition was dropped before the import began");
        outcome.Should().Be(new ImportOutcome(14, 14, 0, 0));
        (await PartitionsAsync(portal.World.RegionB.Id)).Should().Equal(ResultPartitions.Name(portal.World.RegionB.Id, 2015));
        await using var check = portal.System();
        (await check.Results.CountAsync(r => r.RegionId == portal.World.RegionB.Id && r.Year == 2015)).Should().Be(14);
        (await check.Results.CountAsync(r => r.RegionId == portal.World.RegionA.Id && r.Year == 2015 && r.SchoolId == portal.World.SchoolA1Second.Id))
            .Should().Be(14);
    }

    [Fact]
    public async Task A_file_with_a_loaded_year_and_a_new_one_gives_the_new_year_its_partition()
    {
        await Importer().ImportAsync(ImportKind.Results, Csv(Rows(2016, ["A1-001"])), "p2016.csv");
        var outcome = await Importer().ImportAsync(ImportKind.Results, Csv([.. Rows(2016, ["A1-001"]), .. Rows(2017, ["A1-001"])]), "p2016-2017.csv");

        outcome.Should().Be(new ImportOutcome(28, 14, 0, 14));
        (await PartitionsAsync(portal.World.RegionA.Id)).Should().Contain(ResultPartitions.Name(portal.World.RegionA.Id, 2017));
        (await DefaultRowsAsync(2017)).Should().Be(0);
    }

    [Theory]
    [InlineData("45,67", "45.67")]
    [InlineData("45.67", "45.67")]
    [InlineData("-3", "-3")]
    [InlineData(",5", "0.5")]
    [InlineData("7,", "7")]
    [InlineData(" 12,50 ", "12.50")]
    [InlineData("1 234,5", "1234.5")]
    public void A_number_cell_reads_the_same_through_the_quick_path_and_the_general_one(string cell, string expected)
    {
        ImportSpec.TryDecimal(cell, out var value).Should().BeTrue();
        value.Should().Be(decimal.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(",")]
    [InlineData("-")]
    [InlineData("4,5,6")]
    [InlineData("12a")]
    public void A_cell_that_is_not_a_number_is_refused(string cell) => ImportSpec.TryDecimal(cell, out _).Should().BeFalse();
}
