using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Jobs;

namespace SchoolSupport.Infrastructure.Platform;

/// <summary>The editable fields of a region, with their validation.</summary>
public sealed class RegionEdit
{
    public Guid? Id { get; set; }

    [Required(ErrorMessage = "Укажите код региона.")]
    [RegularExpression(@"^[\p{L}\d\-]{1,20}$", ErrorMessage = "Код региона: до 20 букв, цифр или дефисов.")]
    public string Code { get; set; } = "";

    [Required(ErrorMessage = "Укажите наименование региона.")]
    [StringLength(300, ErrorMessage = "Наименование региона не длиннее 300 символов.")]
    public string Name { get; set; } = "";

    [StringLength(500, ErrorMessage = "Наименование органа управления образованием не длиннее 500 символов.")]
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
        if (!RegionTimeZones.IsKnown(edit.TimeZone)) refusals.Add(new Refusal("Выберите часовой пояс из списка.", nameof(RegionEdit.TimeZone)));
        if (refusals.Count > 0) throw new DomainException(refusals);

        await using var db = await dbs.CreateDbContextAsync(ct);
        var code = edit.Code.Trim();
        if (await db.Regions.AnyAsync(r => r.Code == code && r.Id != edit.Id, ct))
        {
            throw new DomainException($"Регион с кодом {code} уже есть.", nameof(RegionEdit.Code));
        }
        Region region;
        string? formerCode = null;
        if (edit.Id is { } id)
        {
            region = await db.Regions.FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new ScopeException("Регион не найден.");
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
        if (!await db.TrySaveUniqueAsync(ct)) throw new DomainException($"Регион с кодом {code} уже есть.", nameof(RegionEdit.Code));
        edit.Id = region.Id;
        // A new region gets its recurring jobs (identification, monitoring, overdue marks) at once, without a restart;
        // the jobs are named by the region's code, so a changed code moves them.
        if (formerCode is not null && formerCode != region.Code) jobs.Remove(formerCode);
        await jobs.RegisterAsync(region.Id, ct);
        return region.Id;
    }
}
