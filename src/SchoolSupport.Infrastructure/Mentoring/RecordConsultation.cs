using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Mentoring;

public sealed class StepEdit
{
    public string Text { get; set; } = "";
    public DateOnly? Deadline { get; set; }
}

public sealed class ConsultationEdit : IValidatableObject
{
    public Guid? Id { get; set; }
    public uint Version { get; set; }

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Mentoring_SchoolRequired))]
    public Guid? SchoolId { get; set; }

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Mentoring_DateRequired))]
    public DateOnly? Date { get; set; }

    public ConsultationFormat Format { get; set; }

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Mentoring_TopicRequired))]
    [StringLength(1000, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Mentoring_TopicTooLong))]
    public string Topic { get; set; } = "";

    [Range(1, 1440, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Mentoring_DurationRange))]
    public int DurationMinutes { get; set; } = 60;

    [Range(1, 1000, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Common_ParticipantsRange))]
    public int ParticipantsCount { get; set; } = 1;

    [StringLength(1000, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Mentoring_RolesTooLong))]
    public string ParticipantRoles { get; set; } = "";

    [StringLength(8000, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Mentoring_ResultTooLong))]
    public string Outcome { get; set; } = "";

    public Guid? MaterialsDocumentId { get; set; }

    public List<StepEdit> Steps { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var step in Steps)
        {
            if (string.IsNullOrWhiteSpace(step.Text)) yield return new ValidationResult(InfraText.Mentoring_StepRequired);
            else if (step.Text.Length > 2000) yield return new ValidationResult(InfraText.Mentoring_StepTooLong);
            if (step.Deadline is null) yield return new ValidationResult(InfraText.Mentoring_StepDueRequired);
            else if (Date is { } date && step.Deadline < date) yield return new ValidationResult(InfraText.Mentoring_StepDueBeforeConsultation);
        }
    }
}

/// <summary>A file of consultation materials chosen with the record.</summary>
public sealed record MaterialsUpload(string FileName, Stream Content);

/// <summary>
/// A mentor writes a consultation of an assigned school into the journal, or edits their own record. Materials chosen with
/// the record are stored as a document of the school (a new version when the record already has them) and linked to the
/// record in one transaction: a bad record or a refused file stores neither.
/// </summary>
public sealed class RecordConsultation(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, DocumentLibrary library, TimeProvider clock)
{
    private static string StaleMessage => InfraText.Mentoring_Stale;

    public long MaxUploadBytes => library.MaxUploadBytes;

    public async Task<Guid> SaveAsync(ConsultationEdit edit, MaterialsUpload? materials = null, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Mentor);
        EditValidation.ThrowIfInvalid(edit);
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await Visibility.AssignedSchoolIds(db, scope.UserId).AnyAsync(id => id == edit.SchoolId, ct))
        {
            throw new ScopeException(InfraText.Mentoring_OnlyAssignedSchools);
        }
        var ownMaterials = edit.MaterialsDocumentId is { } docId && await db.Documents.AnyAsync(d => d.Id == docId && d.SchoolId == edit.SchoolId, ct);
        // Materials of another school are refused, unless a new file comes with the record (moved to another school, say):
        // the file then starts a document of this school instead of versioning the old one.
        if (edit.MaterialsDocumentId is not null && !ownMaterials && materials is null)
        {
            throw new DomainException(InfraText.Mentoring_MaterialsOwnSchool);
        }

        Consultation consultation;
        if (edit.Id is { } id)
        {
            consultation = await db.Consultations.Include(c => c.NextSteps).FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new ScopeException(InfraText.Common_RecordNotFound);
            if (consultation.MentorId != scope.UserId) throw new ScopeException(InfraText.Mentoring_OnlyAuthorEdits);
            db.Entry(consultation).Property(c => c.Version).OriginalValue = edit.Version;
            db.ConsultationSteps.RemoveRange(consultation.NextSteps);
            consultation.NextSteps.Clear();
        }
        else
        {
            consultation = new Consultation
            {
                Id = Guid.NewGuid(), RegionId = scope.RegionId, MentorId = scope.UserId, MentorName = scope.UserName, CreatedAt = clock.GetUtcNow(),
            };
            db.Consultations.Add(consultation);
        }
        consultation.SchoolId = edit.SchoolId!.Value;
        consultation.Date = edit.Date!.Value;
        consultation.Format = edit.Format;
        consultation.Topic = edit.Topic.Trim();
        consultation.DurationMinutes = edit.DurationMinutes;
        consultation.ParticipantsCount = edit.ParticipantsCount;
        consultation.ParticipantRoles = edit.ParticipantRoles.Trim();
        consultation.Outcome = edit.Outcome.Trim();
        consultation.MaterialsDocumentId = edit.MaterialsDocumentId;
        foreach (var step in edit.Steps)
        {
            var row = new ConsultationStep
            {
                Id = Guid.NewGuid(), RegionId = consultation.RegionId, ConsultationId = consultation.Id, Text = step.Text.Trim(), Deadline = step.Deadline!.Value,
            };
            db.ConsultationSteps.Add(row);
        }
        db.Record(scope, edit.Id is null ? "consultation.create" : "consultation.update", "consultation", consultation.Id, consultation.Topic, clock);
        if (materials is null)
        {
            await db.SaveOrRefuseStaleAsync(StaleMessage, ct);
        }
        else
        {
            var municipalityId = await db.Schools.Where(s => s.Id == consultation.SchoolId).Select(s => s.MunicipalityId).FirstAsync(ct);
            var upload = new DocumentUpload(municipalityId, consultation.SchoolId, DocumentKind.ConsultationMaterials, InfraFormat.Of(InfraText.Mentoring_Materials, consultation.Topic),
                materials.FileName, materials.Content, ownMaterials ? edit.MaterialsDocumentId : null);
            var stored = await library.UploadAsync(db, scope, upload, version => consultation.MaterialsDocumentId = version.DocumentId, ct)
                .OrRefuseStaleAsync(StaleMessage);
            edit.MaterialsDocumentId = stored.DocumentId;
        }
        edit.Id = consultation.Id;
        edit.Version = consultation.Version;
        return consultation.Id;
    }
}
