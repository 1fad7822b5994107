using SchoolSupport.Domain.Resources;
using SchoolSupport.Domain.Common;

namespace SchoolSupport.Domain.Risks;

public enum RiskLevel
{
    Low = 0,
    Medium = 1,
    High = 2,
}

/// <summary>Who answers a question of the risk profile. Group answers are entered as aggregated shares: no pupil is named.</summary>
public enum RespondentGroup
{
    Director = 0,
    Teachers = 1,
    Pupils = 2,
    Parents = 3,
}

/// <summary>
/// A risk factor of a region for one school year (фактор риска). Versioned per year: a year's set starts as a copy of the
/// previous year's (or of the ten federal defaults) and is edited by the operator without changing past profiles.
/// The factor's score is 0–100 (the weighted share of answers that point to the risk); the thresholds cut it into levels.
/// </summary>
public sealed class RiskFactor : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public int Year { get; set; }
    /// <summary>Stable across years, so that a school's profile can be compared with last year's factor by factor.</summary>
    public string Code { get; set; } = "";
    public int Order { get; set; }
    public string Title { get; set; } = "";
    /// <summary>A score at or above this is a medium risk.</summary>
    public decimal MediumFrom { get; set; } = 30;
    /// <summary>A score at or above this is a high risk.</summary>
    public decimal HighFrom { get; set; } = 60;
    public uint Version { get; set; }

    public List<RiskQuestion> Questions { get; set; } = [];

    public RiskLevel LevelOf(decimal score) => score >= HighFrom ? RiskLevel.High : score >= MediumFrom ? RiskLevel.Medium : RiskLevel.Low;

    public static IEnumerable<string> CheckThresholds(decimal mediumFrom, decimal highFrom)
    {
        if (mediumFrom is < 0 or > 100 || highFrom is < 0 or > 100) yield return DomainText.Risk_ThresholdRange;
        if (mediumFrom >= highFrom) yield return DomainText.Risk_ThresholdOrder;
    }
}

/// <summary>
/// A question of the questionnaire of one respondent group, counted towards one factor. The answer is a share (0–100 %)
/// of the group that agreed; when <see cref="RiskWhenHigh"/> is false a high share means low risk (the risk share is 100 − share).
/// </summary>
public sealed class RiskQuestion : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid FactorId { get; set; }
    public RespondentGroup Group { get; set; }
    public int Order { get; set; }
    public string Text { get; set; } = "";
    public decimal Weight { get; set; } = 1;
    public bool RiskWhenHigh { get; set; } = true;
    public uint Version { get; set; }

    /// <summary>The part of the answer that points to the risk.</summary>
    public decimal RiskShare(decimal share) => RiskWhenHigh ? share : 100 - share;
}
