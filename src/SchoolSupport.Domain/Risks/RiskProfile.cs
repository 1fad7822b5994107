using System.Globalization;
using SchoolSupport.Domain.Resources;
using SchoolSupport.Domain.Common;

namespace SchoolSupport.Domain.Risks;

/// <summary>
/// A school's risk profile for one school year (рисковый профиль): the group answers, and the key risks the school chose,
/// each with its anti-risk programme.
/// </summary>
public sealed class RiskProfile : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid SchoolId { get; set; }
    public int Year { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public uint Version { get; set; }

    public List<RiskAnswer> Answers { get; set; } = [];
    public List<KeyRisk> KeyRisks { get; set; } = [];

    /// <summary>
    /// The key risks after the school's choice: refuses more than the region allows and factors not of the profile's year.
    /// Returns the factors newly chosen and the key risks let go.
    /// </summary>
    public (IReadOnlyList<Guid> Added, IReadOnlyList<KeyRisk> Removed) ChooseKeyRisks(IReadOnlyCollection<Guid> factorIds, int limit, IReadOnlySet<Guid> factorsOfYear)
    {
        var chosen = factorIds.Distinct().ToList();
        var refusals = new List<string>();
        if (chosen.Count > limit) refusals.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Risk_TooManyKeyRisks, limit, chosen.Count));
        if (chosen.Any(id => !factorsOfYear.Contains(id))) refusals.Add(DomainText.Risk_UnknownFactor);
        DomainException.ThrowIfAny(refusals);
        var added = chosen.Where(id => KeyRisks.All(k => k.FactorId != id)).ToList();
        var removed = KeyRisks.Where(k => !chosen.Contains(k.FactorId)).ToList();
        return (added, removed);
    }
}

/// <summary>A group's answer to one question, as a share of the group in per cent.</summary>
public sealed class RiskAnswer : ITenantOwned
{
    public Guid ProfileId { get; set; }
    public Guid QuestionId { get; set; }
    public Guid RegionId { get; set; }
    public decimal Share { get; set; }
}

/// <summary>A factor the school chose as a key risk, and the anti-risk programme opened for it.</summary>
public sealed class KeyRisk : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid ProfileId { get; set; }
    public Guid FactorId { get; set; }
    public Guid? PlanId { get; set; }
}
