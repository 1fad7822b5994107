using System.Globalization;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Resources;

namespace SchoolSupport.Domain.Identification;

/// <summary>
/// A trial run (пробный расчёт) kept under a name for the ministry's meeting: what a methodology version would give for a
/// year, with its comparison against that year's list and last year's. A snapshot: it never changes and never touches a list.
/// </summary>
public sealed class SavedTrial : ITenantOwned
{
    public const int NameMaxLength = 200;

    private SavedTrial() { }

    public Guid Id { get; private set; }
    public Guid RegionId { get; set; }
    public string Name { get; private set; } = "";
    public int Year { get; private set; }
    public Guid MethodologyId { get; private set; }
    /// <summary>Schools in the would-be list.</summary>
    public int Listed { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>The trial's outcome (schools, evidence, comparison) as computed when it was saved.</summary>
    public string OutcomeJson { get; private set; } = "{}";

    public static SavedTrial Create(Guid regionId, string name, int year, Guid methodologyId, int listed, string outcomeJson, string who, DateTimeOffset at)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length < 3) throw new DomainException(DomainText.Trial_NameTooShort, "name");
        if (trimmed.Length > NameMaxLength) throw new DomainException(string.Format(CultureInfo.CurrentCulture, DomainText.Trial_NameTooLong, NameMaxLength), "name");
        return new SavedTrial
        {
            Id = Guid.NewGuid(), RegionId = regionId, Name = trimmed, Year = year, MethodologyId = methodologyId, Listed = listed,
            OutcomeJson = outcomeJson, CreatedBy = who, CreatedAt = at,
        };
    }
}
