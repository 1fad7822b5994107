namespace SchoolSupport.Infrastructure.Common;

/// <summary>
/// Targets and thresholds of partnerships, mentoring and professional development (section «SupportTargets» of the
/// configuration). No source document gives numbers; these are the defaults of the specification.
/// </summary>
public sealed class SupportTargets
{
    /// <summary>Agreements signed a year (City of Saratov: at least 5).</summary>
    public int AgreementsPerYear { get; set; } = 5;
    /// <summary>A leader school has stable high results: no share below the minimum score above this, %.</summary>
    public decimal LeaderMaxBelowMinimumShare { get; set; } = 5;
    public int LeaderResultYears { get; set; } = 3;
    /// <summary>A school without a consultation for longer than this many days is highlighted in the summaries.</summary>
    public int DaysWithoutConsultation { get; set; } = 30;
    /// <summary>An indicator of the deficits survey is weak when more than this share of teachers (%) show a deficit.</summary>
    public decimal WeakIndicatorShare { get; set; } = 30;
}
