using SchoolSupport.Domain.Common;

namespace SchoolSupport.Domain.Results;

public enum AssessmentKind
{
    Vpr = 0,
    Oge = 1,
    Ege = 2,
    Regional = 3,
    Niko = 4,
}

public enum Subject
{
    Russian = 0,
    Mathematics = 1,
    Physics = 2,
    Chemistry = 3,
    Biology = 4,
    History = 5,
    SocialStudies = 6,
    Geography = 7,
    Literature = 8,
    ForeignLanguage = 9,
    Informatics = 10,
    WorldAround = 11,
}

/// <summary>
/// Aggregated result of one school in one assessment, year, grade and subject. School-level only:
/// no personal data of students is ever stored. Natural key: school, year, kind, grade, subject.
/// </summary>
public sealed class AssessmentResult : ITenantOwned
{
    public Guid RegionId { get; set; }
    public Guid SchoolId { get; set; }
    public int Year { get; set; }
    public AssessmentKind Kind { get; set; }
    /// <summary>Grade (4–11); ОГЭ is grade 9 and ЕГЭ grade 11.</summary>
    public int Grade { get; set; }
    public Subject Subject { get; set; }
    public int Participants { get; set; }
    public decimal MeanScore { get; set; }
    /// <summary>Share of participants below the minimum score, % (0–100).</summary>
    public decimal BelowMinimumShare { get; set; }
    /// <summary>Share of «2» marks, % (0–100).</summary>
    public decimal FailShare { get; set; }
}
