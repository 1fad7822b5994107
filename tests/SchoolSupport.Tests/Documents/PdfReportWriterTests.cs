using System.Globalization;
using SchoolSupport.Infrastructure.Documents;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace SchoolSupport.Tests.Documents;

public sealed class PdfReportWriterTests
{
    private static readonly string[] ColumnTitles = ["№ п/п", "Муниципальное образование", "Наименование ОО", "ИОР", "Основание"];

    [Fact]
    public void Cyrillic_texts_come_back_out_of_the_pdf()
    {
        using var pdf = Render(SupportList(schools: 5));

        ShouldSay(
            pdf.GetPage(1),
            "Министерство образования Саратовской области",
            "Приложение 2 к приказу министерства образования Саратовской области от 29.12.2020 № 1852",
            "Перечень школ с низкими образовательными результатами",
            "Муниципальное общеобразовательное учреждение «Средняя общеобразовательная школа № 3 с. Ивановка»",
            "Министр образования Саратовской области",
            "И. И. Петров",
            "30.01.2026");
    }

    [Fact]
    public void Every_page_says_which_page_it_is_of_how_many()
    {
        using var pdf = Render(SupportList(schools: 120));

        pdf.NumberOfPages.Should().BeGreaterThanOrEqualTo(3);
        foreach (var page in pdf.GetPages())
        {
            ShouldSay(page, string.Create(CultureInfo.InvariantCulture, $"Страница {page.Number} из {pdf.NumberOfPages}"));
        }
    }

    [Fact]
    public void The_table_header_repeats_on_every_page_the_table_spans()
    {
        using var pdf = Render(SupportList(schools: 120));

        foreach (var page in pdf.GetPages())
        {
            ShouldSay(page, ColumnTitles);
        }

        TextOf(pdf.GetPage(2)).Should().NotContain(Squeeze("Перечень школ"), "the title is printed once, on the first page");
    }

    [Fact]
    public void A_row_that_does_not_fit_moves_whole_to_the_next_page()
    {
        using var pdf = Render(SupportList(schools: 120));

        var pageOfFirstLine = new Dictionary<string, int>();
        var pageOfLastLine = new Dictionary<string, int>();
        foreach (var page in pdf.GetPages())
        {
            var text = TextOf(page);
            for (var school = 1; school <= 120; school++)
            {
                var n = school.ToString(CultureInfo.InvariantCulture);
                if (text.Contains($"Школа-{n}-начало", StringComparison.Ordinal))
                {
                    pageOfFirstLine[n] = page.Number;
                }

                if (text.Contains($"Школа-{n}-конец", StringComparison.Ordinal))
                {
                    pageOfLastLine[n] = page.Number;
                }
            }
        }

        pageOfFirstLine.Should().HaveCount(120);
        pageOfLastLine.Should().Equal(pageOfFirstLine);
    }

    [Fact]
    public void A_row_taller_than_a_whole_page_is_continued_on_the_next_page()
    {
        var words = Enumerable.Range(1, 1500).Select(i => string.Create(CultureInfo.InvariantCulture, $"слово{i}")).ToArray();
        var document = new ReportDocument
        {
            Title = "Пояснительная записка",
            Body = [new ReportTable([new("Раздел"), new("Содержание", 3)], [["1", string.Join(' ', words)]])],
        };

        using var pdf = Render(document);

        pdf.NumberOfPages.Should().BeGreaterThan(1);
        pdf.GetPages().SelectMany(page => page.GetWords()).Select(word => word.Text)
            .Should().Contain(words, "no line of the row is lost at the page break");
        ShouldSay(pdf.GetPage(2), "Раздел", "Содержание");
    }

    [Fact]
    public void The_signature_is_never_alone_on_the_last_page()
    {
        // Between them these lengths put the end of the table at every height of a page.
        for (var schools = 1; schools <= 40; schools++)
        {
            using var pdf = Render(SupportList(schools));

            var lastPage = TextOf(pdf.GetPage(pdf.NumberOfPages));
            lastPage.Should().Contain("И.И.Петров").And.Contain($"Школа-{schools}-конец", $"with {schools} rows the last row goes with the signature");
        }
    }

    [Fact]
    public void A_word_wider_than_its_cell_is_cut_rather_than_overflowing()
    {
        using var style = new ReportStyle();
        var number = new string('7', 60);

        var lines = ReportLayout.Wrap("Реестровый номер " + number, style.Cell, width: 80);

        lines.Should().HaveCountGreaterThan(2).And.OnlyContain(line => style.Cell.MeasureText(line) <= 80);
        string.Concat(lines).Should().Be("Реестровый" + "номер" + number);
    }

    [Theory]
    [InlineData(PageOrientation.Portrait, 595, 842)]
    [InlineData(PageOrientation.Landscape, 842, 595)]
    public void Pages_are_A4_in_the_chosen_orientation(PageOrientation orientation, int width, int height)
    {
        using var pdf = Render(SupportList(schools: 60) with { Orientation = orientation });

        foreach (var page in pdf.GetPages())
        {
            page.Width.Should().BeApproximately(width, 1);
            page.Height.Should().BeApproximately(height, 1);
        }
    }

    [Fact]
    public void Without_a_date_the_signature_leaves_a_blank_to_fill_in()
    {
        var document = SupportList(schools: 1) with { Signature = new SignatureBlock("Директор", "А. А. Смирнова") };

        using var pdf = Render(document);

        ShouldSay(pdf.GetPage(1), "Директор", "А. А. Смирнова", "«____» ______________ 20___ г.");
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_refused()
    {
        var document = new ReportDocument
        {
            Title = "Перечень",
            Body = [new ReportTable([new("Школа"), new("ИОР")], [["Школа № 1", "0,41"], ["Школа № 2"]])],
        };

        var write = () => PdfReportWriter.Write(document, Stream.Null);

        write.Should().Throw<ArgumentException>().WithMessage("Row 2 has 1 cells, the table has 2 columns.*");
    }

    /// <summary>A regional list as the ministry approves it: each row of the table runs over several lines.</summary>
    internal static ReportDocument SupportList(int schools) => new()
    {
        HeaderLines = ["Министерство образования Саратовской области"],
        Approval = ApprovalBlock.AppendixToOrder("министерства образования Саратовской области", new DateOnly(2020, 12, 29), "1852", appendix: "2"),
        Title = "Перечень школ с низкими образовательными результатами и школ, функционирующих в неблагоприятных социальных условиях, на 2026 год",
        Body =
        [
            new ReportParagraph("В перечень включены общеобразовательные организации, которые по итогам трёх последних лет находятся в нижнем квартиле индекса образовательных результатов (ИОР) или имеют долю обучающихся, не достигших минимального балла ОГЭ по русскому языку или математике, выше установленного порога."),
            new ReportTable(
                [new(ColumnTitles[0], 0.6f, CellAlign.Center), new(ColumnTitles[1], 2), new(ColumnTitles[2], 4), new(ColumnTitles[3], 0.8f, CellAlign.Right), new(ColumnTitles[4], 3)],
                [.. Enumerable.Range(1, schools).Select(Row)])
            {
                Caption = "Таблица 1. Общеобразовательные организации, включённые в перечень",
            },
        ],
        Signature = new SignatureBlock("Министр образования Саратовской области", "И. И. Петров", new DateOnly(2026, 1, 30)),
    };

    private static IReadOnlyList<string> Row(int n)
    {
        var number = n.ToString(CultureInfo.InvariantCulture);
        var name = n == 3
            ? "Муниципальное общеобразовательное учреждение «Средняя общеобразовательная школа № 3 с. Ивановка»"
            : $"Муниципальное общеобразовательное учреждение «Основная общеобразовательная школа № {number}»";
        var school = $"Школа-{number}-начало {name} Школа-{number}-конец";
        return [number, "Балашовский муниципальный район", school, "0,31", "ШНОР: нижний квартиль ИОР три года подряд"];
    }

    internal static PdfDocument Render(ReportDocument document)
    {
        using var stream = new MemoryStream();
        PdfReportWriter.Write(document, stream);
        return PdfDocument.Open(stream.ToArray());
    }

    /// <summary>
    /// The text of a page in drawing order without any white space, so that a phrase wrapped over lines of a cell is
    /// still found. Compare it with <see cref="Squeeze"/>d phrases.
    /// </summary>
    internal static string TextOf(Page page) => Squeeze(page.Text);

    internal static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static void ShouldSay(Page page, params string[] phrases) => TextOf(page).Should().ContainAll(phrases.Select(Squeeze));
}
