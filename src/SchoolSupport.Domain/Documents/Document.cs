using SchoolSupport.Domain.Resources;
using SchoolSupport.Domain.Common;

namespace SchoolSupport.Domain.Documents;

public enum DocumentKind
{
    SchoolProgramme = 0,
    /// <summary>Отчёт о самообследовании.</summary>
    SelfAssessmentReport = 1,
    /// <summary>Приказ о ВСОКО (internal quality assessment system), due in February.</summary>
    InternalQualityOrder = 2,
    AnalyticalNote = 3,
    MunicipalProgramme = 4,
    Agreement = 5,
    /// <summary>Files of a best-practice card.</summary>
    BestPractice = 6,
    /// <summary>Materials of a mentor's consultation.</summary>
    ConsultationMaterials = 7,
    /// <summary>Подтверждающий материал: evidence of a plan activity's progress, linked to the item by <c>PlanItemEvidence</c>.</summary>
    PlanEvidence = 8,
}

/// <summary>The file types accepted for upload, recognised by content rather than by name.</summary>
public enum FileType
{
    Pdf = 0,
    Docx = 1,
    Xlsx = 2,
    Odt = 3,
    Png = 4,
    Jpeg = 5,
}

public enum ReviewStatus
{
    Pending = 0,
    Accepted = 1,
    Returned = 2,
}

/// <summary>A document of a school or a municipality. Its content lives in versions; an upload never overwrites one.</summary>
public sealed class Document : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid MunicipalityId { get; set; }
    /// <summary>Null for a municipality's own document (municipal programme, agreement).</summary>
    public Guid? SchoolId { get; set; }
    public DocumentKind Kind { get; set; }
    public string Title { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<DocumentVersion> Versions { get; set; } = [];

    /// <summary>Whether a reviewer decides on the kind's versions: not practice files, consultation materials or activity evidence.</summary>
    public static bool IsReviewed(DocumentKind kind) =>
        kind is not (DocumentKind.BestPractice or DocumentKind.ConsultationMaterials or DocumentKind.PlanEvidence);
}

public sealed class DocumentVersion : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public Guid DocumentId { get; set; }
    public int Number { get; set; }
    public string FileName { get; set; } = "";
    public FileType Type { get; set; }
    public long Size { get; set; }
    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public string Sha256 { get; set; } = "";
    /// <summary>Path of the stored file relative to the files folder.</summary>
    public string StoragePath { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
    public Guid UploadedById { get; set; }
    public string UploadedByName { get; set; } = "";
    public ReviewStatus Review { get; set; }
    public string? ReviewComment { get; set; }
    public string? ReviewedByName { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }

    /// <summary>The reviewer accepts the version or returns it with a comment; a decided version is not reviewed again (upload a new one).</summary>
    public void Decide(bool accept, string? comment, string reviewer, DateTimeOffset at)
    {
        if (Review != ReviewStatus.Pending) throw new DomainException(DomainText.Document_AlreadyReviewed);
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (!accept && comment is null) throw new DomainException(DomainText.Document_CommentRequired);
        Review = accept ? ReviewStatus.Accepted : ReviewStatus.Returned;
        ReviewComment = comment;
        ReviewedByName = reviewer;
        ReviewedAt = at;
    }
}
