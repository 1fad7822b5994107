using System.Globalization;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Resources;

namespace SchoolSupport.Domain.Monitoring;

/// <summary>The indicators of the regional model (DOMAIN item 10) and the six Saratov monitoring indicators.</summary>
public enum IndicatorCode
{
    MunicipalitiesWithProgrammes = 0,
    ListedSchoolsWithProgrammes = 1,
    TeachersInCommunities = 2,
    Agreements = 3,
    ListReduction = 4,
    PositiveDynamics = 5,
    BasicResults = 6,
    TalentDevelopment = 7,
    AssessmentObjectivity = 8,
    EnvironmentQuality = 9,
    Individualisation = 10,
    GraduatePreparation = 11,
    /// <summary>Share of listed schools checked by РЦОКО on the four points this year.</summary>
    QualityCheckCoverage = 12,
    /// <summary>Share of listed schools that had at least one mentor's consultation in the school year.</summary>
    Consultations = 13,
}

public enum IndicatorUnit
{
    Percent = 0,
    Count = 1,
}

public enum TargetStatus
{
    NoData = 0,
    Met = 1,
    NotMet = 2,
}

/// <param name="Computed">Counted from the portal's data; otherwise the operator enters the value with its source.</param>
public sealed record TargetIndicator(IndicatorCode Code, string Title, IndicatorUnit Unit, decimal? DefaultTarget, bool Computed)
{
    public string UnitText => Unit == IndicatorUnit.Percent ? "%" : DomainText.Indicator_Pieces;

    public static readonly IReadOnlyList<TargetIndicator> All =
    [
        new(IndicatorCode.MunicipalitiesWithProgrammes, DomainText.IndicatorCode_MunicipalitiesWithProgrammes, IndicatorUnit.Percent, 100, true),
        new(IndicatorCode.ListedSchoolsWithProgrammes, DomainText.IndicatorCode_ListedSchoolsWithProgrammes, IndicatorUnit.Percent, 100, true),
        new(IndicatorCode.TeachersInCommunities, DomainText.IndicatorCode_TeachersInCommunities, IndicatorUnit.Percent, 100, false),
        new(IndicatorCode.Agreements, DomainText.IndicatorCode_Agreements, IndicatorUnit.Count, 5, true),
        new(IndicatorCode.ListReduction, DomainText.IndicatorCode_ListReduction, IndicatorUnit.Percent, 25, true),
        new(IndicatorCode.PositiveDynamics, DomainText.IndicatorCode_PositiveDynamics, IndicatorUnit.Percent, 100, true),
        new(IndicatorCode.BasicResults, DomainText.IndicatorCode_BasicResults, IndicatorUnit.Percent, null, false),
        new(IndicatorCode.TalentDevelopment, DomainText.IndicatorCode_TalentDevelopment, IndicatorUnit.Percent, null, false),
        new(IndicatorCode.AssessmentObjectivity, DomainText.IndicatorCode_AssessmentObjectivity, IndicatorUnit.Percent, null, false),
        new(IndicatorCode.EnvironmentQuality, DomainText.IndicatorCode_EnvironmentQuality, IndicatorUnit.Percent, null, false),
        new(IndicatorCode.Individualisation, DomainText.IndicatorCode_Individualisation, IndicatorUnit.Percent, null, false),
        new(IndicatorCode.GraduatePreparation, DomainText.IndicatorCode_GraduatePreparation, IndicatorUnit.Percent, null, false),
        new(IndicatorCode.QualityCheckCoverage, DomainText.IndicatorCode_QualityCheckCoverage, IndicatorUnit.Percent, 100, true),
        new(IndicatorCode.Consultations, DomainText.IndicatorCode_Consultations, IndicatorUnit.Percent, 100, true),
    ];

    public static TargetIndicator Of(IndicatorCode code) => All.First(d => d.Code == code);

    /// <summary>Refuses a value or a target outside the indicator's range: 0–100 for a share, 0–10 000 for a count.</summary>
    public void Validate(decimal value, string what)
    {
        var max = Unit == IndicatorUnit.Percent ? 100m : 10_000m;
        if (value < 0 || value > max)
            throw new DomainException(string.Format(CultureInfo.CurrentCulture, DomainText.Indicator_OutOfRange, what, Title, max, UnitText));
    }

    /// <summary>Every target is a floor: the value meets it when it is at least the target.</summary>
    public static TargetStatus StatusOf(decimal? value, decimal? target) =>
        value is null || target is null ? TargetStatus.NoData : value >= target ? TargetStatus.Met : TargetStatus.NotMet;
}

/// <summary>The target of an indicator for one monitoring year in a region; without a row the default applies.</summary>
public sealed class IndicatorTarget : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public int Year { get; set; }
    public IndicatorCode Code { get; set; }
    public decimal Target { get; set; }
}

/// <summary>A value entered by an operator for an indicator that the portal cannot count, with its source and date.</summary>
public sealed class IndicatorValue : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public int Year { get; set; }
    public IndicatorCode Code { get; set; }
    public decimal Value { get; set; }
    public string Source { get; set; } = "";
    public DateOnly AsOf { get; set; }
    public string EnteredBy { get; set; } = "";
    public DateTimeOffset EnteredAt { get; set; }
}

/// <summary>
/// The annual РЦОКО check of a listed school on four points: equipment, curricula and textbooks, satisfaction of
/// students and parents (%), internal quality monitoring (ВСОКО).
/// </summary>
public sealed class SchoolQualityCheck : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public int Year { get; set; }
    public Guid SchoolId { get; set; }
    public bool EquipmentAdequate { get; set; }
    public bool CurriculaAdequate { get; set; }
    public decimal SatisfactionPercent { get; set; }
    public bool InternalMonitoringEffective { get; set; }
    public DateOnly CheckedOn { get; set; }
    public string CheckedBy { get; set; } = "";
    public string Comment { get; set; } = "";
}
