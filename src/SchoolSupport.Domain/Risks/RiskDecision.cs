using SchoolSupport.Domain.Resources;
using SchoolSupport.Domain.Common;

namespace SchoolSupport.Domain.Risks;

public enum DecisionKind
{
    Operational = 0,
    Strategic = 1,
}

public enum DecisionLevel
{
    School = 0,
    Municipality = 1,
    Region = 2,
}

/// <summary>
/// A management decision on a risk of school year <see cref="Year"/> (управленческое решение), for the register.
/// Seed 001: decisions on the new school year's risks are taken no later than June; a later one is marked late.
/// It may change an anti-risk programme or follow a review, and names both.
/// </summary>
public sealed class RiskDecision : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public int Year { get; set; }
    public DecisionKind Kind { get; set; }
    public DecisionLevel Level { get; set; }
    public Guid? MunicipalityId { get; set; }
    public Guid? SchoolId { get; set; }
    /// <summary>The risk addressed, by the factor's code (stable across the yearly versions of the factors).</summary>
    public string FactorCode { get; set; } = "";
    public string Text { get; set; } = "";
    public string Responsible { get; set; } = "";
    public DateOnly TakenOn { get; set; }
    public DateOnly DueDate { get; set; }
    /// <summary>The region's June deadline for the year when the decision was registered.</summary>
    public DateOnly Deadline { get; set; }
    public Guid? PlanId { get; set; }
    public Guid? ReviewId { get; set; }
    public string RegisteredBy { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }

    public bool IsLate => TakenOn > Deadline;

    public static IEnumerable<string> Check(DecisionLevel level, Guid? municipalityId, Guid? schoolId, DateOnly takenOn, DateOnly dueDate, DateOnly today)
    {
        if (level == DecisionLevel.School && schoolId is null) yield return DomainText.Risk_SchoolRequired;
        if (level == DecisionLevel.Municipality && municipalityId is null) yield return DomainText.Risk_MunicipalityRequired;
        if (takenOn > today) yield return DomainText.Risk_DecisionInFuture;
        if (dueDate < takenOn) yield return DomainText.Risk_DueBeforeTaken;
    }
}
