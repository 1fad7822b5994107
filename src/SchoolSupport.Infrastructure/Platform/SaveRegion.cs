using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Jobs;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Platform;

/// <summary>The editable fields of a region, with their validation.</summary>
public sealed class RegionEdit
{
    public Guid? Id { get; set; }

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Region_CodeRequired))]
    [RegularExpression(@"^[\p{L}\d\-]{1,20}$", ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Region_CodeFormat))]
    public string Code { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Region_NameRequired))]
    [StringLength(300, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Region_NameTooLong))]
    public string Name { get; set; } = "";

    [StringLength(500, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Region_AuthorityTooLong))]
    public string AuthorityName { get; set; } = "";

    public string TimeZone { get; set; } = RegionTimeZones.Moscow;

    public static RegionEdit From(Region r) => new() { Id = r.Id, Code = r.Code, Name = r.Name, AuthorityName = r.AuthorityName, TimeZone = r.TimeZone };
}

/// <summary>The platform administrator creates a region or edits its code, name, authority and time zone. Audited.</summary>
public sealed class SaveRegion(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, RegionJobs jobs)
{
    public async Task<Guid> SaveAsync(RegionEdit edit, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.PlatformAdmin);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(edit, new ValidationContext(edit), results, validateAllProperties: true);
        var refusals = results.Select(r => new Refusal(r.ErrorMessage!, r.MemberNames.FirstOrDefault())).ToList();
        if (!RegionTimeZones.IsKnown(edit.TimeZone)) refusals.Add(new Refusal(InfraText.Region_TimeZoneRequired, nameof(RegionEdit.TimeZone)));
        if (refusals.Count > 0) throw new DomainException(refusals);

        await using var db = await dbs.CreateDbContextAsync(ct);
        var code = edit.Code.Trim();
        if (await db.Regions.AnyAsync(r => r.Code == code && r.Id != edit.Id, ct))
        {
            throw new DomainException(InfraFormat.Of(InfraText.Region_CodeTaken, code), nameof(RegionEdit.Code));
        }
        Region region;
        string? formerCode = null;
        if (edit.Id is { } id)
        {
            region = await db.Regions.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new ScopeException(InfraText.Common_RegionNotFound);
            formerCode = region.Code;
        }
        else
        {
            region = new Region { Id = Guid.NewGuid() };
            db.Regions.Add(region);
        }
        region.Code = code;
        region.Name = edit.Name.Trim();
        region.AuthorityName = edit.AuthorityName.Trim();
        region.TimeZone = edit.TimeZone;
        // The entry belongs to the region it is about, so that the region's own administrators read it in their audit.
        db.Audit.Add(new AuditEntry
        {
            RegionId = region.Id, At = clock.GetUtcNow(), UserId = scope.UserId, UserName = scope.UserName,
            Action = edit.Id is null ? "region.create" : "region.update", EntityType = "region", EntityId = region.Id.ToString(),
            Details = $"{region.Code} {region.Name}, {region.TimeZone}",
        });
        if (!await db.TrySaveUniqueAsync(ct)) throw new DomainException(InfraFormat.Of(InfraText.Region_CodeTaken, code), nameof(RegionEdit.Code));
        edit.Id = region.Id;
        // A new region gets its recurring jobs (identification, monitoring, overdue marks) at once, without a restart;
        // the jobs are named by the region's code, so a changed code moves them.
        if (formerCode is not null && formerCode != region.Code) jobs.Remove(formerCode);
        await jobs.RegisterAsync(region.Id, ct);
        return region.Id;
    }
}
