using System.Globalization;
using SchoolSupport.Domain.Resources;
using SchoolSupport.Domain.Common;

namespace SchoolSupport.Domain.Schools;

public enum Locality
{
    Urban = 0,
    Rural = 1,
    /// <summary>Малокомплектная сельская школа.</summary>
    RuralSmall = 2,
}

/// <summary>Levels of general education a school provides: НОО (primary), ООО (basic), СОО (secondary).</summary>
[Flags]
public enum EducationLevels
{
    None = 0,
    Primary = 1,
    Basic = 2,
    Secondary = 4,
}

/// <summary>Kinds of leader school (школа-лидер): donor, resource centre, resilient, base school.</summary>
public enum LeaderKind
{
    None = 0,
    Donor = 1,
    ResourceCentre = 2,
    Resilient = 3,
    Base = 4,
}

/// <summary>A school (ОО) of the registry. Yearly context lives in <see cref="SchoolYearProfile"/>.</summary>
public sealed class School : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid MunicipalityId { get; set; }
    public Municipality? Municipality { get; set; }
    /// <summary>Registry code, unique in the region; results files refer to schools by it.</summary>
    public string Code { get; set; } = "";
    public string FullName { get; set; } = "";
    public string ShortName { get; set; } = "";
    public string Address { get; set; } = "";
    public Locality Locality { get; set; }
    public EducationLevels Levels { get; set; }
    public bool AdvancedStudy { get; set; }
    public int Enrolment { get; set; }
    public bool IsInnovationSite { get; set; }
    public LeaderKind Leader { get; set; }
    public bool IsConsultingCentre { get; set; }
    /// <summary>Participant of the federal «500+» project.</summary>
    public bool Is500Plus { get; set; }
    /// <summary>The day the school closed (its lists, results and plans stay attached and visible); null while it works.</summary>
    public DateOnly? ClosedOn { get; set; }
    /// <summary>The school this one was merged into, when it closed by a merger.</summary>
    public Guid? MergedIntoId { get; set; }
    /// <summary>Row version (PostgreSQL xmin) for optimistic concurrency.</summary>
    public uint Version { get; set; }

    public bool IsOpen => ClosedOn is null;

    /// <summary>Closes the school on a day, optionally by merging it into another open school of the region. Its history stays with it.</summary>
    public void Close(DateOnly on, School? mergedInto = null)
    {
        if (ClosedOn is not null) throw new DomainException(string.Format(CultureInfo.CurrentCulture, DomainText.School_AlreadyClosed, Code));
        if (mergedInto is not null)
        {
            if (mergedInto.Id == Id) throw new DomainException(DomainText.School_MergeIntoItself);
            if (!mergedInto.IsOpen) throw new DomainException(string.Format(CultureInfo.CurrentCulture, DomainText.School_MergeIntoClosed, mergedInto.Code));
        }
        ClosedOn = on;
        MergedIntoId = mergedInto?.Id;
    }

    /// <summary>Opens a closed school again (a closure entered by mistake).</summary>
    public void Reopen()
    {
        ClosedOn = null;
        MergedIntoId = null;
    }

    public List<SchoolYearProfile> Profiles { get; set; } = [];
}

/// <summary>Context attributes of a school for one school year (the year in which it starts).</summary>
public sealed class SchoolYearProfile : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid SchoolId { get; set; }
    public int Year { get; set; }
    /// <summary>Укомплектованность кадрами, %.</summary>
    public decimal StaffingPercent { get; set; }
    public int Vacancies { get; set; }
    public decimal TeachersAverageAge { get; set; }
    /// <summary>Shares of students, % (0–100).</summary>
    public decimal DisabledStudentsShare { get; set; }
    public decimal NonNativeSpeakersShare { get; set; }
    /// <summary>Social-index inputs, % of students: both parents with higher education; single or both parents unemployed; on school or police registers.</summary>
    public decimal ParentsHigherEducationShare { get; set; }
    public decimal UnemployedParentsShare { get; set; }
    public decimal RegisteredStudentsShare { get; set; }
    public bool HasInternet { get; set; }
    /// <summary>Share of students taking part in olympiads, %.</summary>
    public decimal OlympiadShare { get; set; }
    /// <summary>Share of 9th-graders continuing to grade 10 in the same school, %.</summary>
    public decimal ContinuingToGrade10Share { get; set; }
}
