using System.Text;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Results;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Results;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Results;

/// <summary>
/// The one-step import (<see cref="ResultsImport.ImportAsync"/>): rows parsed in batches of 10 and written by COPY while later rows
/// are parsed, at most 2 batches waiting in the channel, all in one transaction.
/// </summary>
public sealed class ImportPipelineTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Header = "Код ОО;Год;Процедура;Класс;Предмет;Участников;Средний балл;Доля ниже минимального балла, %;Доля отметок «2», %";
    private static readonly ImportLimits Small = new() { BatchRows = 10, BatchesInFlight = 2 };

    private ResultsImport Importer(string role = Roles.Operator, string region = "a")
    {
        var scope = portal.World.Scope(role, region);
        return new ResultsImport(portal.Service<IDbContextFactory<AppDbContext>>(scope), portal.Service<ICurrentScope>(scope), TimeProvider.System, Small);
    }

    /// <summary>3 schools × 8 grades of ВПР × 12 subjects = 288 rows of one year: 29 batches of 10.</summary>
    private static List<string> Rows(int year, decimal mean = 14.5m)
    {
        var rows = new List<string>();
        foreach (var school in new[] { "A1-001", "A1-002", "A2-001" })
        {
            for (var grade = 4; grade <= 11; grade++)
            {
                foreach (var subject in Enum.GetValues<Subject>())
                {
                    rows.Add($"{school};{year};ВПР;{grade};{Titles.Of(subject)};50;{mean.ToString(System.Globalization.CultureInfo.GetCultureInfo("ru-RU"))};6,2;5,6");
                }
            }
        }
        return rows;
    }

    private static MemoryStream Csv(IEnumerable<string> lines) => new(Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. lines])));

    private async Task<int> CountAsync(int year)
    {
        await using var db = portal.System();
        return await db.Results.CountAsync(r => r.Year == year);
    }

    [Fact]
    public async Task A_file_larger_than_the_channel_is_imported_in_full_while_at_most_four_batches_are_held()
    {
        var stats = new ImportPipelineStats();
        var outcome = await Importer().ImportAsync(ImportKind.Results, Csv(Rows(2015)), "pipeline-2015.csv", stats: stats);
        outcome.Should().Be(new ImportOutcome(288, 288, 0, 0));
        (await CountAsync(2015)).Should().Be(288);
        stats.Batches.Should().Be(29);
        stats.Staged.Should().BeFalse("a new year goes straight into the table");
        stats.PeakBatchesInFlight.Should().BeInRange(1, Small.BatchesInFlight + ImportPipeline.Parsers + 1,
            "one being filled by each parser, two in the channel, one being written");
        await using var db = portal.System();
        (await db.Audit.SingleAsync(a => a.Action == "results.import" && a.EntityId == "pipeline-2015.csv")).Details.Should().Contain("строк 288");
    }

    [Fact]
    public async Task A_bad_last_row_rolls_back_every_batch_already_written_and_is_reported_in_russian()
    {
        var rows = Rows(2016);
        rows.Add("A1-001;2016;ОГЭ;9;Математика;50;14;160;5");
        var import = () => Importer().ImportAsync(ImportKind.Results, Csv(rows), "bad-last.csv");
        var refused = (await import.Should().ThrowAsync<ImportRowsException>()).Which;
        refused.Errors.Should().ContainSingle().Which.Should().Be(new ImportError(290,
            "Доля ниже минимального балла: значение «160» должно быть числом от 0 до 100."));
        refused.Message.Should().Contain("Строка 290");
        (await CountAsync(2016)).Should().Be(0, "28 batches were written before the bad row, and the transaction was rolled back");
    }

    [Fact]
    public async Task A_repeated_row_at_the_end_is_refused_with_the_first_occurrence_named()
    {
        var rows = Rows(2017);
        rows.Add(rows[0]);
        var import = () => Importer().ImportAsync(ImportKind.Results, Csv(rows), "dup-last.csv");
        (await import.Should().ThrowAsync<ImportRowsException>()).Which.Errors.Should().ContainSingle()
            .Which.Message.Should().Contain("Повтор строки 2");
        (await CountAsync(2017)).Should().Be(0);
    }

    [Fact]
    public async Task Re_importing_an_unchanged_file_writes_nothing_and_a_changed_file_updates_only_changed_rows()
    {
        await Importer().ImportAsync(ImportKind.Results, Csv(Rows(2023)), "y2023.csv");
        var stats = new ImportPipelineStats();
        var again = await Importer().ImportAsync(ImportKind.Results, Csv(Rows(2023)), "y2023.csv", stats: stats);
        again.Should().Be(new ImportOutcome(288, 0, 0, 288));
        stats.Staged.Should().BeTrue();

        var changed = Rows(2023);
        changed[5] = changed[5].Replace(";14,5;", ";15,5;", StringComparison.Ordinal);
        (await Importer().ImportAsync(ImportKind.Results, Csv(changed), "y2023b.csv")).Should().Be(new ImportOutcome(288, 0, 1, 287));
        await using var db = portal.System();
        (await db.Results.CountAsync(r => r.Year == 2023 && r.MeanScore == 15.5m)).Should().Be(1);
    }

    [Fact]
    public async Task A_loaded_year_found_after_a_new_one_restarts_through_the_staging_table_and_adds_only_the_new_rows()
    {
        await Importer().ImportAsync(ImportKind.Results, Csv(Rows(2024)), "y2024.csv");
        var stats = new ImportPipelineStats();
        var outcome = await Importer().ImportAsync(ImportKind.Results, Csv([.. Rows(2025), .. Rows(2024)]), "y2025-2024.csv", stats: stats);
        outcome.Should().Be(new ImportOutcome(576, 288, 0, 288));
        stats.Staged.Should().BeTrue();
        (await CountAsync(2025)).Should().Be(288);
        (await CountAsync(2024)).Should().Be(288);
    }

    [Fact]
    public async Task Schools_of_another_region_are_not_found_and_other_roles_may_not_import()
    {
        var rows = Rows(2019);
        var otherRegion = () => Importer(region: "b").ImportAsync(ImportKind.Results, Csv(rows), "other.csv");
        (await otherRegion.Should().ThrowAsync<ImportRowsException>()).Which.Errors[0].Message.Should().Contain("Школа с кодом «A1-001» не найдена в реестре региона");
        var school = () => Importer(Roles.School).ImportAsync(ImportKind.Results, Csv(rows), "school.csv");
        await school.Should().ThrowAsync<ScopeException>();
        (await CountAsync(2019)).Should().Be(0);
    }
}
