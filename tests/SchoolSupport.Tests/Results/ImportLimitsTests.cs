using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Results;
using SchoolSupport.Infrastructure.Results;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Results;

/// <summary>The portal with a small row limit (<c>Import:MaxRows</c>), so that "too many rows" is cheap to make; all other limits as shipped.</summary>
public sealed class SmallRowLimitPortal : PortalFixture
{
    public const int MaxRows = 1000;
    protected override IEnumerable<string> ExtraArgs => [$"--Import:MaxRows={MaxRows}"];
}

/// <summary>Memory and time are measured around one call, so these tests run alone.</summary>
[CollectionDefinition(nameof(MeasuredAlone), DisableParallelization = true)]
public sealed class MeasuredAlone;

/// <summary>
/// Hostile import files are refused with a Russian message in under 5 s while the process grows by less than 200 MB:
/// a workbook whose shared strings hold one 300 MB string, a zip bomb of 1 GB of sheet XML, a package whose headers lie about
/// the sizes, a cell over 4,000 characters, more rows than allowed.
/// </summary>
[Collection(nameof(MeasuredAlone))]
public sealed class ImportLimitsTests(SmallRowLimitPortal portal) : IClassFixture<SmallRowLimitPortal>
{
    private const string Header = "Код ОО;Год;Процедура;Класс;Предмет;Участников;Средний балл;Доля ниже минимального балла, %;Доля отметок «2», %";
    private static readonly string[] HeaderCells = Header.Split(';');
    private const long Megabyte = 1024 * 1024;

    /// <summary>1 GiB of sheet XML in a few megabytes: built once, it takes a few seconds.</summary>
    private static readonly Lazy<byte[]> Bomb = new(() => Workbook(sheet =>
    {
        WriteRow(sheet, HeaderCells);
        var block = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(
            "<row><c t=\"inlineStr\"><is><t>A1-001</t></is></c><c><v>2021</v></c><c t=\"inlineStr\"><is><t>ОГЭ</t></is></c></row>", 8000)));
        for (long written = 0; written < 1024 * Megabyte; written += block.Length) sheet.Write(block);
    }));

    private ResultsImport Importer() => portal.Service<ResultsImport>(portal.World.Scope(Roles.Operator));

    [Fact]
    public async Task A_shared_string_of_300_MB_is_refused_quickly_without_taking_memory()
    {
        var file = Workbook(sheet =>
        {
            sheet.Write("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"u8);
        }, shared =>
        {
            shared.Write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\"><si><t>"u8);
            var block = Encoding.ASCII.GetBytes(new string('A', 1 << 20));
            for (var i = 0; i < 300; i++) shared.Write(block);
            shared.Write("</t></si></sst>"u8);
        }, CompressionLevel.SmallestSize);
        file.Length.Should().BeLessThan((int)Megabyte, "the attack is a small file");

        var prepared = await RefusedQuicklyAsync(file);
        prepared.Errors.Should().ContainSingle().Which.Message.Should().Be("Ячейка длиннее 4000 символов: такие файлы не принимаются.");
    }

    [Fact]
    public async Task A_zip_bomb_of_1_GB_of_sheet_xml_is_refused_from_its_directory()
    {
        Bomb.Value.Length.Should().BeLessThan(16 * (int)Megabyte);
        var prepared = await RefusedQuicklyAsync(Bomb.Value);
        var message = prepared.Errors.Should().ContainSingle().Which.Message;
        message.Should().StartWith("Файл отклонён: часть «xl/worksheets/sheet1.xml» после распаковки займёт 102").And.EndWith(" МБ при допустимых 800 МБ.");
    }

    [Fact]
    public async Task A_zip_bomb_whose_headers_understate_the_sizes_is_refused_while_inflating()
    {
        var lying = (byte[])Bomb.Value.Clone();
        ZipParts.DeclareSize(lying, "xl/worksheets/sheet1.xml", 64 * 1024);
        var prepared = await RefusedQuicklyAsync(lying);
        prepared.Errors.Should().ContainSingle().Which.Message.Should().StartWith("Книгу Excel не удалось");
    }

    [Fact]
    public async Task A_cell_over_4000_characters_is_refused_in_a_workbook_and_in_a_csv()
    {
        var cell = new string('Щ', 4001);
        var xlsx = Workbook(sheet =>
        {
            WriteRow(sheet, HeaderCells);
            WriteRow(sheet, ["A1-001", "2021", "ОГЭ", "9", "Математика", "50", "14", "6", cell]);
        });
        var fromXlsx = await RefusedQuicklyAsync(xlsx);
        fromXlsx.Errors.Should().ContainSingle().Which.Message.Should().Be("В строке 2 ячейка длиннее 4000 символов: такие файлы не принимаются.");

        var csv = Encoding.UTF8.GetBytes($"{Header}\nA1-001;2021;ОГЭ;9;Математика;50;14;6;5\nA1-001;2021;ЕГЭ;11;{cell};50;14;6;5");
        var fromCsv = await RefusedQuicklyAsync(csv, "long.csv");
        fromCsv.Errors.Should().ContainSingle().Which.Message.Should().Be("В строке 3 ячейка длиннее 4000 символов: такие файлы не принимаются.");
    }

    [Fact]
    public async Task More_rows_than_the_configured_limit_are_refused_in_a_workbook_and_in_a_csv()
    {
        var rows = Enumerable.Range(0, SmallRowLimitPortal.MaxRows + 1).Select(i => $"NO-{i};2021;ОГЭ;9;Математика;50;14;6;5").ToArray();
        var csv = await RefusedQuicklyAsync(Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. rows])), "many.csv");
        csv.Errors.Should().ContainSingle().Which.Message.Should().Be("В файле больше 1\u00A0000 строк с данными: разделите его на части.");

        var xlsx = await RefusedQuicklyAsync(Workbook(sheet =>
        {
            WriteRow(sheet, HeaderCells);
            foreach (var row in rows) WriteRow(sheet, row.Split(';'));
        }));
        xlsx.Errors.Should().ContainSingle().Which.Message.Should().Be("В файле больше 1\u00A0000 строк с данными: разделите его на части.");

        var atTheLimit = await Importer().PrepareAsync(ImportKind.Results, new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. rows[1..]]))), "limit.csv");
        atTheLimit.Errors.Should().NotContain(e => e.Row == 0, "exactly the limit is accepted; its rows are only unknown schools");
    }

    [Fact]
    public async Task A_workbook_with_shared_and_inline_strings_and_numbers_is_read_as_written()
    {
        var file = Workbook(sheet =>
        {
            sheet.Write("<row r=\"1\">"u8);
            for (var i = 0; i < HeaderCells.Length; i++) sheet.Write(Encoding.UTF8.GetBytes($"<c r=\"{(char)('A' + i)}1\" t=\"s\"><v>{i}</v></c>"));
            sheet.Write("</row><row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><r><t>A1-</t></r><r><t>001</t></r></is></c><c r=\"B3\"><v>2019</v></c>"u8);
            sheet.Write("<c r=\"C3\" t=\"str\"><v>ОГЭ</v></c><c r=\"D3\"><v>9</v></c><c r=\"E3\" t=\"s\"><v>9</v></c><c r=\"F3\"><v>50</v></c>"u8);
            sheet.Write("<c r=\"G3\"><f>14+0.5</f><v>14.5</v></c><c r=\"H3\"><v>6</v></c><c r=\"I3\"><v>5.25</v></c></row>"u8);
        }, shared =>
        {
            shared.Write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"u8);
            foreach (var cell in HeaderCells.Append("Математика")) shared.Write(Encoding.UTF8.GetBytes($"<si><t>{System.Security.SecurityElement.Escape(cell)}</t><rPh><t>x</t></rPh></si>"));
            shared.Write("</sst>"u8);
        });
        var prepared = await Importer().PrepareAsync(ImportKind.Results, new MemoryStream(file), "book.xlsx");
        prepared.Errors.Should().BeEmpty();
        prepared.RowCount.Should().Be(1);
        (await Importer().CommitAsync(prepared)).Should().Be(new ImportOutcome(1, 1, 0, 0));
        await using var db = portal.System();
        var row = await db.Results.SingleAsync(r => r.Year == 2019);
        (row.Kind, row.Grade, row.Subject, row.MeanScore, row.FailShare).Should().Be((AssessmentKind.Oge, 9, Subject.Mathematics, 14.5m, 5.25m));
    }

    [Fact]
    public async Task The_preview_echoes_a_long_cell_cut_to_200_characters()
    {
        var code = new string('Ж', 300);
        var csv = Encoding.UTF8.GetBytes($"{Header}\n{code};2021;ОГЭ;9;Математика;50;14;6;5");
        var prepared = await Importer().PrepareAsync(ImportKind.Results, new MemoryStream(csv), "long.csv");
        prepared.Errors.Should().ContainSingle().Which.Message.Should().Be($"Школа с кодом «{new string('Ж', 200)}…» не найдена в реестре региона.");
    }

    [Fact]
    public async Task Rows_without_errors_count_only_the_rows_that_are_written()
    {
        string[] good = ["A1-001;2020;ОГЭ;9;Математика;50;14;6;5", "A1-002;2020;ОГЭ;9;Математика;40;13;6;5"];
        var prepared = await Importer().PrepareAsync(ImportKind.Results, Csv([good[0], good[1], good[0], "A1-001;2020;ОГЭ;9;Физика;50;140;6;5"]), "mixed.csv");
        prepared.Errors.Select(e => e.Row).Should().Equal(4, 5);
        prepared.RowCount.Should().Be(2, "the repeat of row 2 and the bad row 5 are not rows without errors");

        var fixedFile = await Importer().PrepareAsync(ImportKind.Results, Csv(good), "fixed.csv");
        var outcome = await Importer().CommitAsync(fixedFile);
        outcome.Inserted.Should().Be(prepared.RowCount);
        await using var db = portal.System();
        (await db.Results.CountAsync(r => r.Year == 2020)).Should().Be(prepared.RowCount);
    }

    private static MemoryStream Csv(string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. lines])));

    /// <summary>Prepares the file and asserts the refusal took under 5 s and under 200 MB of the process's memory.</summary>
    private async Task<PreparedImport> RefusedQuicklyAsync(byte[] file, string name = "hostile.xlsx")
    {
        var importer = Importer();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSet = process.WorkingSet64;
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var peak = workingSet;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var now = Process.GetCurrentProcess();
                Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), now.WorkingSet64));
                await Task.Delay(5);
            }
        });
        // Without the limits these files take minutes: give up well after the 5 s the test allows.
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var clock = Stopwatch.StartNew();
        var prepared = await importer.PrepareAsync(ImportKind.Results, new MemoryStream(file, writable: false), name, ct: giveUp.Token);
        clock.Stop();
        var heapGrowth = GC.GetTotalMemory(forceFullCollection: false) - heap;
        await stop.CancelAsync();
        await sampler;
        process.Refresh();
        var growth = Math.Max(Math.Max(Interlocked.Read(ref peak), process.WorkingSet64) - workingSet, heapGrowth);

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
        growth.Should().BeLessThan(200 * Megabyte, "the process may grow by less than 200 MB (grew by {0} MB)", growth / Megabyte);
        prepared.CanCommit.Should().BeFalse();
        prepared.RowCount.Should().Be(0);
        return prepared;
    }

    private static void WriteRow(Stream sheet, string[] cells)
    {
        sheet.Write("<row>"u8);
        foreach (var cell in cells)
            sheet.Write(Encoding.UTF8.GetBytes($"<c t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(cell)}</t></is></c>"));
        sheet.Write("</row>"u8);
    }

    /// <summary>A minimal workbook: the rows are written by <paramref name="rows"/> inside &lt;sheetData&gt;, the shared strings part by <paramref name="shared"/>.</summary>
    private static byte[] Workbook(Action<Stream> rows, Action<Stream>? shared = null, CompressionLevel level = CompressionLevel.Fastest)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string name, string text) => Write(name, s => s.Write(Encoding.UTF8.GetBytes(text)));
            void Write(string name, Action<Stream> write)
            {
                using var stream = zip.CreateEntry(name, level).Open();
                write(stream);
            }
            Part("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>
                """);
            Part("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """);
            Part("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>
                """);
            Part("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>
                """);
            Write("xl/sharedStrings.xml", shared ?? (s => s.Write("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>"u8)));
            Write("xl/worksheets/sheet1.xml", sheet =>
            {
                sheet.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"u8);
                rows(sheet);
                sheet.Write("</sheetData></worksheet>"u8);
            });
        }
        return output.ToArray();
    }
}
