using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Infrastructure.Resources;
using SchoolSupport.Domain.Resources;

namespace SchoolSupport.Infrastructure.Partnerships;

public sealed class PartnershipEdit : IValidatableObject
{
    public Guid? Id { get; set; }
    public uint Version { get; set; }

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Partnership_NameRequired))]
    [StringLength(500, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Common_TitleTooLong))]
    public string Title { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Partnership_LeaderRequired))]
    public Guid? LeaderSchoolId { get; set; }

    public PartnerRole LeaderRole { get; set; }
    public NetworkModel Model { get; set; }

    [StringLength(100, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Partnership_AgreementNumberTooLong))]
    public string AgreementNumber { get; set; } = "";

    public DateOnly? AgreementDate { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public SupportTypes SupportTypes { get; set; }
    public List<Guid> SchoolIds { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var error in Partnership.CheckDates(AgreementDate, ValidFrom, ValidTo)) yield return new ValidationResult(error);
        if (SupportTypes == SupportTypes.None) yield return new ValidationResult(InfraText.Partnership_SupportRequired);
        if (SchoolIds.Count == 0) yield return new ValidationResult(InfraText.Partnership_SupportedRequired);
        if (LeaderSchoolId is { } leader && SchoolIds.Contains(leader)) yield return new ValidationResult(InfraText.Partnership_LeaderAmongSupported);
    }

    public static PartnershipEdit From(Partnership p) => new()
    {
        Id = p.Id, Version = p.Version, Title = p.Title, LeaderSchoolId = p.LeaderSchoolId, LeaderRole = p.LeaderRole, Model = p.Model,
        AgreementNumber = p.AgreementNumber, AgreementDate = p.AgreementDate, ValidFrom = p.ValidFrom, ValidTo = p.ValidTo,
        SupportTypes = p.SupportTypes, SchoolIds = [.. p.Schools.Select(s => s.SchoolId)],
    };
}

/// <summary>
/// Proposes a partnership or edits one: its title, leader, model, agreement, term, support types and supported schools.
/// The operator proposes and edits any; a municipal coordinator those whose schools are all in the municipality.
/// </summary>
public sealed class SavePartnership(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public static bool CanCreate(UserScope scope) => scope.IsIn(Roles.Operator) || scope.IsIn(Roles.Municipal);

    public async Task<Guid> SaveAsync(PartnershipEdit edit, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator, Roles.Municipal);
        edit.SchoolIds = [.. edit.SchoolIds.Distinct()];
        EditValidation.ThrowIfInvalid(edit);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var ids = edit.SchoolIds.Append(edit.LeaderSchoolId!.Value).ToList();
        var schools = await db.Schools.VisibleTo(scope, db).Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.MunicipalityId }).ToListAsync(ct);
        if (schools.Count != ids.Count) throw new ScopeException(InfraText.Common_SchoolNotInScope);
        if (!PartnershipAccess.CanManage(scope, schools.Select(s => s.MunicipalityId))) throw new ScopeException(InfraText.Partnership_NoRight);

        Partnership p;
        if (edit.Id is { } id)
        {
            p = await PartnershipAccess.ManagedAsync(db, scope, id, ct);
            if (!p.IsEditable) throw new DomainException(DomainText.Partnership_Ended);
            db.Entry(p).Property(x => x.Version).OriginalValue = edit.Version;
            db.PartnershipSchools.RemoveRange(p.Schools.Where(s => !edit.SchoolIds.Contains(s.SchoolId)));
            foreach (var sid in edit.SchoolIds.Where(s => p.Schools.All(x => x.SchoolId != s)))
            {
                db.PartnershipSchools.Add(new PartnershipSchool { Id = Guid.NewGuid(), RegionId = p.RegionId, PartnershipId = p.Id, SchoolId = sid });
            }
        }
        else
        {
            p = new Partnership { Id = Guid.NewGuid(), RegionId = scope.RegionId, CreatedAt = clock.GetUtcNow() };
            db.Partnerships.Add(p);
            foreach (var sid in edit.SchoolIds)
            {
                db.PartnershipSchools.Add(new PartnershipSchool { Id = Guid.NewGuid(), RegionId = p.RegionId, PartnershipId = p.Id, SchoolId = sid });
            }
        }
        p.Title = edit.Title.Trim();
        p.LeaderSchoolId = edit.LeaderSchoolId.Value;
        p.LeaderRole = edit.LeaderRole;
        p.Model = edit.Model;
        p.SetAgreement(edit.AgreementNumber, edit.AgreementDate);
        p.ValidFrom = edit.ValidFrom!.Value;
        p.ValidTo = edit.ValidTo!.Value;
        p.SupportTypes = edit.SupportTypes;
        db.Record(scope, edit.Id is null ? "partnership.create" : "partnership.update", "partnership", p.Id, p.Title, clock);
        await db.SaveOrRefuseStaleAsync(PartnershipAccess.StaleMessage, ct);
        edit.Id = p.Id;
        edit.Version = p.Version;
        return p.Id;
    }
}
