using SchoolSupport.Domain.Risks;
using SchoolSupport.Web.Resources;

namespace SchoolSupport.Web.Components.Pages.Risks;

/// <summary>How the risk pages write a level: a letter for dense tables, a colour, the years a page offers.</summary>
public static class RiskLevelText
{
    public static string Letter(RiskLevel? level) => level switch
    {
        RiskLevel.High => Ui.Risk_LetterHigh,
        RiskLevel.Medium => Ui.Risk_LetterMedium,
        RiskLevel.Low => Ui.Risk_LetterLow,
        _ => "—",
    };

    public static string Arrow(int? change) => change switch
    {
        > 0 => "↑",
        < 0 => "↓",
        _ => "",
    };

    public static string Style(RiskLevel? level) => level switch
    {
        RiskLevel.High => "color:#c62828;font-weight:600",
        RiskLevel.Medium => "color:#9a4b00", // 6.2:1 on white; #ef6c00 was 3:1 (WCAG 1.4.3)
        RiskLevel.Low => "color:#2e7d32",
        _ => "color:#616161",
    };

    /// <summary>The last, current and next school year: those a profile, review or decision may be for.</summary>
    public static IReadOnlyList<int> WorkingYears(int current) => [current - 1, current, current + 1];
}
