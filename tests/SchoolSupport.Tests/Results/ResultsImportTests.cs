using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Results;
using SchoolSupport.Infrastructure.Results;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Results;

public sealed class ResultsImportTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string Header = "Код ОО;Год;Процедура;Класс;Предмет;Участников;Средний балл;Доля ниже минимального балла, %;Доля отметок «2», %";

    private ResultsImport Importer(string role = Roles.Operator, string region = "a") => portal.Service<ResultsImport>(portal.World.Scope(role, region));

    private static MemoryStream Csv(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. lines])));

    private async Task<int> CountAsync(int year)
    {
        await using var db = portal.System();
        return await db.Results.CountAsync(r => r.Year == year);
    }

    [Fact]
    public async Task A_good_file_is_imported_in_full_and_recorded_in_the_audit_log()
    {
        var prepared = await Importer().PrepareAsync(ImportKind.Results, Csv(
            "A1-001;2021;ОГЭ;9;Математика;50;14,5;6,2;5,6",
            "A1-001;2021;ЕГЭ;11;Русский язык;30;68.2;1;0",
            "A2-001;2021;ВПР;5;Математика;60;3,6;12;12"), "results-2021.csv");
        prepared.Errors.Should().BeEmpty();
        prepared.RowCount.Should().Be(3);

        var progress = new RecordedProgress();
        var outcome = await Importer().CommitAsync(prepared, progress);
        outcome.Should().Be(new ImportOutcome(3, 3, 0, 0));
        progress.Values.Should().BeInAscendingOrder().And.EndWith(1.0);
        (await CountAsync(2021)).Should().Be(3);
        await using var db = portal.System();
        var audit = await db.Audit.SingleAsync(a => a.Action == "results.import" && a.EntityId == "results-2021.csv");
        audit.Details.Should().Contain("строк 3");
        audit.UserName.Should().Be("Operator a", "the audit log names people by full name");
    }

    [Fact]
    public async Task Re_importing_the_same_file_changes_nothing_and_a_changed_value_updates_one_row()
    {
        string[] lines = ["A1-002;2022;ОГЭ;9;Русский язык;40;24;3;3", "A1-002;2022;ОГЭ;9;Математика;40;13;8;7"];
        await Importer().CommitAsync(await Importer().PrepareAsync(ImportKind.Results, Csv(lines), "a.csv"));
        var again = await Importer().CommitAsync(await Importer().PrepareAsync(ImportKind.Results, Csv(lines), "a.csv"));
        again.Should().Be(new ImportOutcome(2, 0, 0, 2));
        (await CountAsync(2022)).Should().Be(2);

        var changed = await Importer().CommitAsync(await Importer().PrepareAsync(ImportKind.Results,
            Csv(lines[0], "A1-002;2022;ОГЭ;9;Математика;40;13,5;8;7"), "b.csv"));
        changed.Should().Be(new ImportOutcome(2, 0, 1, 1));
        await using var db = portal.System();
        (await db.Results.SingleAsync(r => r.Year == 2022 && r.Subject == Domain.Results.Subject.Mathematics)).MeanScore.Should().Be(13.5m);
    }

    [Theory]
    [InlineData("ZZ-999;2021;ОГЭ;9;Математика;50;14;6;5", "Школа с кодом «ZZ-999» не найдена")]
    [InlineData("A1-001;1990;ОГЭ;9;Математика;50;14;6;5", "Год «1990» вне допустимого диапазона")]
    [InlineData("A1-001;2021;ОГЭ;9;Математика;50;14;160;5", "Доля ниже минимального балла: значение «160» должно быть числом от 0 до 100")]
    [InlineData("A1-001;2021;ОГЭ;9;Математика;50;14;6;-1", "Доля отметок «2»: значение «-1»")]
    [InlineData("A1-001;2021;ОГЭ;9;Астрология;50;14;6;5", "Неизвестный предмет «Астрология»")]
    [InlineData("A1-001;2021;ГИА;9;Математика;50;14;6;5", "Неизвестная процедура «ГИА»")]
    [InlineData("A1-001;2021;ОГЭ;7;Математика;50;14;6;5", "Класс «7» недопустим для ОГЭ")]
    [InlineData("A1-001;2021;ОГЭ;9;Математика;много;14;6;5", "Число участников «много»")]
    public async Task A_bad_row_is_reported_with_its_russian_message_and_nothing_is_written(string badRow, string message)
    {
        var prepared = await Importer().PrepareAsync(ImportKind.Results, Csv("A2-001;2019;ВПР;4;Математика;60;3,6;12;12", badRow), "bad.csv");
        prepared.CanCommit.Should().BeFalse();
        prepared.Errors.Should().ContainSingle().Which.Should().Match<ImportError>(e => e.Row == 3 && e.Message.Contains(message));
        var commit = () => Importer().CommitAsync(prepared);
        await commit.Should().ThrowAsync<DomainException>();
        (await CountAsync(2019)).Should().Be(0, "an import is all or nothing");
    }

    [Fact]
    public async Task A_duplicate_row_in_the_file_names_the_first_occurrence()
    {
        var prepared = await Importer().PrepareAsync(ImportKind.Results, Csv(
            "A1-001;2020;ОГЭ;9;Математика;50;14;6;5", "A1-001;2020;ОГЭ;9;Математика;51;14;6;5"), "dup.csv");
        prepared.Errors.Should().ContainSingle().Which.Message.Should().Contain("Повтор строки 2");
    }

    [Fact]
    public async Task A_disguised_or_broken_file_is_refused_as_a_whole()
    {
        var renamed = await Importer().PrepareAsync(ImportKind.Results, Csv("A1-001;2020;ОГЭ;9;Математика;50;14;6;5"), "results.xlsx");
        renamed.Errors.Should().ContainSingle().Which.Message.Should().Contain("не является книгой Excel");

        var broken = new MemoryStream([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
        var zip = await Importer().PrepareAsync(ImportKind.Results, broken, "results.xlsx");
        zip.Errors.Should().ContainSingle().Which.Message.Should().Contain("не удалось прочитать");

        var exe = await Importer().PrepareAsync(ImportKind.Results, new MemoryStream([0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0]), "results.csv");
        exe.Errors.Should().ContainSingle().Which.Message.Should().Contain("не является текстовым CSV");

        var missingColumn = await Importer().PrepareAsync(ImportKind.Results, new MemoryStream(Encoding.UTF8.GetBytes("Код ОО;Год\nA1-001;2020")), "short.csv");
        missingColumn.Errors.Should().ContainSingle().Which.Message.Should().Contain("«Процедура»");
        missingColumn.CanCommit.Should().BeFalse();
    }

    [Fact]
    public async Task An_xlsx_from_the_template_and_a_windows_1251_csv_are_both_read()
    {
        var xlsx = new MemoryStream();
        xlsx.SaveAs(new[]
        {
            new Dictionary<string, object>
            {
                ["Код ОО"] = "A2-001", ["Год"] = 2018, ["Процедура"] = "ЕГЭ", ["Класс"] = 11, ["Предмет"] = "Математика", ["Участников"] = 20,
                ["Средний балл"] = 55.5, ["Доля ниже минимального балла, %"] = 4, ["Доля отметок «2», %"] = 3.5,
            },
        });
        xlsx.Position = 0;
        var fromXlsx = await Importer().PrepareAsync(ImportKind.Results, xlsx, "book.xlsx");
        fromXlsx.Errors.Should().BeEmpty();
        fromXlsx.RowCount.Should().Be(1);

        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cp1251 = new MemoryStream(Encoding.GetEncoding(1251).GetBytes(Header + "\r\nA2-001;2018;ОГЭ;9;Русский язык;20;25,5;2;2\r\n"));
        var fromCsv = await Importer().PrepareAsync(ImportKind.Results, cp1251, "excel.csv");
        fromCsv.Errors.Should().BeEmpty();
        fromCsv.RowCount.Should().Be(1);
    }

    [Fact]
    public async Task Export_then_import_yields_the_same_data()
    {
        await Importer().CommitAsync(await Importer().PrepareAsync(ImportKind.Results, Csv(
            "A1-001;2017;ВПР;4;Русский язык;60;3,71;10,5;10,5", "A1-002;2017;ЕГЭ;11;Математика;25;49,25;12;11"), "src.csv"));
        var export = new MemoryStream();
        await portal.Service<ResultsBrowser>(portal.World.Scope(Roles.Operator)).WriteXlsxAsync(new ResultQuery(Year: 2017), export);
        export.Position = 0;
        var prepared = await Importer().PrepareAsync(ImportKind.Results, export, "export.xlsx");
        prepared.Errors.Should().BeEmpty();
        (await Importer().CommitAsync(prepared)).Should().Be(new ImportOutcome(2, 0, 0, 2));
    }

    [Fact]
    public async Task Context_data_is_imported_and_upserted_by_school_and_year()
    {
        var csv = "Код ОО;Год;Укомплектованность кадрами, %;Вакансии;Средний возраст педагогов;Доля обучающихся с ОВЗ, %;" +
                  "Доля обучающихся, для которых русский язык не родной, %;Доля семей, где оба родителя с высшим образованием, %;" +
                  "Доля семей с безработными родителями, %;Доля обучающихся на учёте, %;Доступ к интернету;Доля участников олимпиад, %;" +
                  "Доля продолживших обучение в 10 классе, %\nA1-001;2021;95;1;44,5;3;2;35;7;2;да;30;60\nA1-002;2021;88;3;51;5;9;20;15;4;нет;12;41";
        var prepared = await Importer().PrepareAsync(ImportKind.Context, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "context.csv");
        prepared.Errors.Should().BeEmpty();
        (await Importer().CommitAsync(prepared)).Inserted.Should().Be(2);
        var again = await Importer().PrepareAsync(ImportKind.Context, new MemoryStream(Encoding.UTF8.GetBytes(csv)), "context.csv");
        (await Importer().CommitAsync(again)).Unchanged.Should().Be(2);
        await using var db = portal.System();
        var profile = await db.SchoolProfiles.SingleAsync(p => p.SchoolId == portal.World.SchoolA1Second.Id && p.Year == 2021);
        profile.HasInternet.Should().BeFalse();
        profile.UnemployedParentsShare.Should().Be(15);
    }

    [Fact]
    public async Task Only_operators_import_and_another_regions_operator_cannot_reach_these_schools()
    {
        var asMunicipal = () => Importer(Roles.Municipal).PrepareAsync(ImportKind.Results, Csv("A1-001;2016;ОГЭ;9;Математика;50;14;6;5"), "m.csv");
        await asMunicipal.Should().ThrowAsync<ScopeException>();
        var asSchool = () => Importer(Roles.School).PrepareAsync(ImportKind.Results, Csv("A1-001;2016;ОГЭ;9;Математика;50;14;6;5"), "s.csv");
        await asSchool.Should().ThrowAsync<ScopeException>();

        var foreign = await Importer(Roles.Operator, "b").PrepareAsync(ImportKind.Results, Csv("A1-001;2016;ОГЭ;9;Математика;50;14;6;5"), "b.csv");
        foreign.Errors.Should().ContainSingle().Which.Message.Should().Contain("не найдена в реестре региона");

        var prepared = await Importer().PrepareAsync(ImportKind.Results, Csv("A1-001;2016;ОГЭ;9;Математика;50;14;6;5"), "a.csv");
        var stolen = () => Importer(Roles.Operator, "b").CommitAsync(prepared);
        await stolen.Should().ThrowAsync<ScopeException>();
        (await CountAsync(2016)).Should().Be(0);
    }

    [Fact]
    public async Task A_large_file_is_checked_in_parallel_with_errors_in_row_order_and_repeats_found_across_chunks()
    {
        // 14,976 distinct rows (three schools, 13 years, every assessment and grade, 12 subjects) span several chunks of
        // 4,096 lines; then a repeat of row 2 at the very end, and a bad row.
        var subjects = Enum.GetValues<Subject>().Select(s => Titles.Of(s)).ToArray();
        var assessments = Enumerable.Range(4, 8).Select(g => ("ВПР", g)).Concat(Enumerable.Range(1, 11).Select(g => ("РДР", g)))
            .Concat(Enumerable.Range(1, 11).Select(g => ("НИКО", g))).Append(("ОГЭ", 9)).Append(("ЕГЭ", 11)).ToArray();
        var lines = new List<string>();
        foreach (var school in new[] { "A1-001", "A1-002", "A2-001" })
            foreach (var year in Enumerable.Range(2015, 13))
                foreach (var (kind, grade) in assessments)
                    foreach (var subject in subjects)
                        lines.Add($"{school};{year};{kind};{grade};{subject};50;14,5;6;5");
        var rows = lines.Count;
        lines.Add(lines[0]);
        lines.Add("A1-001;2015;ВПР;4;Математика;50;101;6;5");
        var progress = new RecordedProgress();
        var prepared = await Importer().PrepareAsync(ImportKind.Results, Csv([.. lines]), "big.csv", progress);

        prepared.RowCount.Should().Be(rows, "the repeat of row 2 is an error, not a row that would be written");
        progress.Values.Should().OnlyContain(v => v >= 0 && v <= 0.5).And.Contain(0.5);
        prepared.Errors.Select(e => e.Row).Should().Equal(rows + 2, rows + 3);
        prepared.Errors[0].Message.Should().Contain("Повтор строки 2");
        prepared.Errors[1].Message.Should().Contain("Средний балл");
        prepared.CanCommit.Should().BeFalse();
    }

    [Fact]
    public async Task More_than_500_errors_show_the_first_500_and_say_so()
    {
        var bad = Enumerable.Range(0, 600).Select(i => $"NO-{i};2020;ОГЭ;9;Математика;50;14;6;5").ToArray();
        var prepared = await Importer().PrepareAsync(ImportKind.Results, Csv(bad), "bad.csv");
        prepared.Errors.Should().HaveCount(501);
        prepared.Errors[0].Row.Should().Be(2);
        prepared.Errors[499].Row.Should().Be(501);
        prepared.Errors[500].Message.Should().Be("Ошибок больше 500; показаны первые 500.");
    }

    [Fact]
    public async Task A_csv_with_quoted_cells_is_read_by_the_careful_reader_with_the_same_result()
    {
        var prepared = await Importer().PrepareAsync(ImportKind.Results, Csv(
            "\"A1-001\";2014;ОГЭ;9;\"Математика\";50;\"14,5\";6;5", "A1-001;2021;\"ЕГЭ\";11;русский язык;30;68.2;1;0"), "quoted.csv");
        prepared.Errors.Select(e => (e.Row, e.Message)).Should().ContainSingle().Which.Row.Should().Be(2, "2014 is before the first year");
        prepared.RowCount.Should().Be(1);
    }

    private sealed class RecordedProgress : IProgress<double>
    {
        private readonly List<double> _values = [];

        public IReadOnlyList<double> Values
        {
            get { lock (_values) return [.. _values]; }
        }

        public void Report(double value)
        {
            lock (_values) _values.Add(value);
        }
    }
}
