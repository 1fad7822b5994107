using System.Globalization;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Tests.Roadmaps;
using SchoolSupport.Tests.Support;
using UglyToad.PdfPig;

namespace SchoolSupport.Tests.Documents;

/// <summary>Issue #19: PDFs break lines between words, repeat table headers, number pages and mark drafts.</summary>
public sealed class PdfLayoutTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private static readonly string[] Words =
    [
        "Педагогический", "совет", "общеобразовательной", "организации", "утверждает", "программу", "перехода", "в",
        "эффективный", "режим", "функционирования", "и", "мероприятия", "методического", "сопровождения",
    ];

    [Fact]
    public void A_word_that_fits_its_column_is_never_broken_across_lines()
    {
        var text = string.Join(' ', Enumerable.Range(0, 40).Select(i => Words[i % Words.Length]));
        var document = new ReportDocument
        {
            Title = "План мероприятий",
            Body = [new ReportTable([new("№", 0.4f), new("Мероприятие", 1.6f), new("Ответственные", 1), new("Участники", 1), new("Показатель", 1)],
                [.. Enumerable.Range(1, 60).Select(n => (IReadOnlyList<string>)[n.ToString(CultureInfo.InvariantCulture), text, text, text, text])])],
            Orientation = PageOrientation.Landscape,
        };

        using var pdf = PdfReportWriterTests.Render(document);

        var printed = pdf.GetPages().SelectMany(page => page.GetWords()).Select(word => word.Text).Where(word => word.Any(char.IsLetter)).ToList();
        printed.Should().OnlyContain(word => Words.Contains(word) || IsPageText(word), "every word fits a column, so none is cut (no «Педагогически|й»)");
        printed.Should().Contain("Педагогический");
    }

    [Fact]
    public void Only_a_word_longer_than_its_column_is_cut_and_the_cut_is_marked_with_a_hyphen()
    {
        using var style = new ReportStyle();
        var word = "Высокопревосходительство" + "высокопревосходительство";

        var lines = ReportLayout.Wrap("Ход " + word + " конец", style.Cell, width: 90);

        lines[0].Should().Be("Ход", "a word that does not fit the rest of the line starts a new line first");
        lines.Should().OnlyContain(line => style.Cell.MeasureText(line) <= 90);
        lines.Count(line => line.EndsWith('-')).Should().BeGreaterThan(0, "the long word is cut over several lines");
        var joined = string.Concat(lines.Select(line => line.EndsWith('-') ? line[..^1] : line + " ")).TrimEnd();
        joined.Should().Be("Ход " + word + " конец", "each cut carries a hyphen and nothing is lost");
    }

    [Fact]
    public void A_table_over_several_pages_repeats_its_header_and_every_page_is_numbered()
    {
        using var pdf = PdfReportWriterTests.Render(PdfReportWriterTests.SupportList(schools: 80));

        pdf.NumberOfPages.Should().BeGreaterThan(1);
        foreach (var page in pdf.GetPages())
        {
            var text = PdfReportWriterTests.TextOf(page);
            text.Should().Contain(PdfReportWriterTests.Squeeze("Наименование ОО"));
            text.Should().Contain(PdfReportWriterTests.Squeeze(string.Create(CultureInfo.InvariantCulture, $"Страница {page.Number} из {pdf.NumberOfPages}")));
        }
    }

    [Fact]
    public async Task A_programme_not_yet_approved_is_printed_as_a_draft_and_an_approved_one_is_not()
    {
        var draft = await PlanWorkflowTests.DraftSchoolProgrammeAsync(portal);
        var (approved, _) = await PlanEvidenceTests.ProgrammeInProgressAsync(portal);
        var export = portal.Service<PlanExport>(portal.World.Scope(Roles.School));

        (await PlanPdfAsync(export, draft)).Should().OnlyContain(page => page.Contains("ПРОЕКТ"));
        (await PlanPdfAsync(export, approved)).Should().OnlyContain(page => !page.Contains("ПРОЕКТ"));
    }

    [Fact]
    public async Task A_programme_of_another_region_is_not_printed()
    {
        var draft = await PlanWorkflowTests.DraftSchoolProgrammeAsync(portal);
        using var output = new MemoryStream();

        var (found, _) = await portal.Service<PlanExport>(portal.World.Scope(Roles.Operator, "b")).WritePdfAsync(draft, output);

        found.Should().BeFalse();
        output.Length.Should().Be(0);
    }

    private static async Task<List<string>> PlanPdfAsync(PlanExport export, Guid plan)
    {
        using var output = new MemoryStream();
        var (found, _) = await export.WritePdfAsync(plan, output);
        found.Should().BeTrue();
        using var pdf = PdfDocument.Open(output.ToArray());
        return [.. pdf.GetPages().Select(page => page.Text)];
    }

    private static bool IsPageText(string word) => word is "План" or "мероприятий" or "Страница" or "из" or "Мероприятие" or "Ответственные" or "Участники" or "Показатель";
}
