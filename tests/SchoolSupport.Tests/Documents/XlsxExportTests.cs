using System.Globalization;
using MiniExcelLibs;
using SchoolSupport.Infrastructure.Documents;

namespace SchoolSupport.Tests.Documents;

public sealed class XlsxExportTests
{
    private sealed record ListedSchool(string Name, int Enrolment, decimal ResultsIndex, DateOnly IncludedOn, string? Mentor);

    private static readonly IReadOnlyList<(string Title, Func<ListedSchool, object?> Value)> Columns =
    [
        ("Наименование ОО", s => s.Name),
        ("Численность обучающихся", s => s.Enrolment),
        ("ИОР", s => s.ResultsIndex),
        ("Дата включения в перечень", s => s.IncludedOn),
        ("Наставник", s => s.Mentor),
    ];

    [Fact]
    public void Rows_come_back_under_their_Russian_column_titles()
    {
        ListedSchool[] schools =
        [
            new("МОУ «СОШ № 3 с. Ивановка»", 214, 0.31m, new DateOnly(2026, 1, 30), "Иванова Мария Петровна"),
            new("МБОУ «ООШ № 12 г. Балашова»", 98, 0.275m, new DateOnly(2026, 2, 2), null),
        ];
        using var stream = new MemoryStream();

        XlsxExport.Write(schools, stream, "Перечень", [("Наименование ОО", s => s.Name), ("Численность обучающихся", s => s.Enrolment), ("ИОР", s => s.ResultsIndex), ("Дата включения в перечень", s => s.IncludedOn), ("Наставник", s => s.Mentor)]);
        stream.Position = 0;
        var rows = XlsxExport.Read(stream);

        rows.Should().HaveCount(2);
        rows[0].Keys.Should().Equal("Наименование ОО", "Численность обучающихся", "ИОР", "Дата включения в перечень", "Наставник");
        rows[0]["Наименование ОО"].Should().Be("МОУ «СОШ № 3 с. Ивановка»");
        Convert.ToInt32(rows[0]["Численность обучающихся"], CultureInfo.InvariantCulture).Should().Be(214);
        Convert.ToDecimal(rows[1]["ИОР"], CultureInfo.InvariantCulture).Should().Be(0.275m);
        rows[1]["Дата включения в перечень"].Should().Be(new DateTime(2026, 2, 2));
        rows[0]["Наставник"].Should().Be("Иванова Мария Петровна");
        rows[1]["Наставник"].Should().BeNull();
    }

    [Fact]
    public void The_sheet_has_the_given_name()
    {
        using var stream = new MemoryStream();

        XlsxExport.Write<ListedSchool>([], stream, "Перечень ШНОР 2026", Columns);
        stream.Position = 0;

        stream.GetSheetNames().Should().Equal("Перечень ШНОР 2026");
    }

    [Fact]
    public void An_empty_export_still_has_its_header_row()
    {
        using var stream = new MemoryStream();

        XlsxExport.Write<ListedSchool>([], stream, "Перечень", Columns);
        stream.Position = 0;

        var firstRow = (IDictionary<string, object?>)stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Single();
        firstRow.Values.Should().Equal("Наименование ОО", "Численность обучающихся", "ИОР", "Дата включения в перечень", "Наставник");
        stream.Position = 0;
        XlsxExport.Read(stream).Should().BeEmpty();
    }
}
