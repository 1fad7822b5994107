using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Roadmaps;

public sealed class PlanSectionEdit
{
    public Guid? Id { get; set; }
    public uint Version { get; set; }
    [Range(1, 100, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Plan_SectionNumberRange))]
    public int Order { get; set; } = 1;
    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Plan_SectionTitleRequired))]
    [StringLength(300, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.Plan_SectionTitleTooLong))]
    public string Title { get; set; } = "";
    public bool IsMandatory { get; set; } = true;
}

/// <summary>The region's template of school programme sections; the Zernograd defaults are created on first use.</summary>
public sealed class PlanSections(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public static bool CanEdit(UserScope scope) => scope.IsIn(Roles.Operator) || scope.IsIn(Roles.Ministry) || scope.IsIn(Roles.Admin);

    public async Task<IReadOnlyList<PlanSection>> ListAsync(CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await EnsureAsync(db, scope, ct);
    }

    internal static async Task<List<PlanSection>> EnsureAsync(AppDbContext db, UserScope scope, CancellationToken ct)
    {
        var sections = await db.PlanSections.AsNoTracking().OrderBy(s => s.Order).ThenBy(s => s.Title).ToListAsync(ct);
        if (sections.Count > 0) return sections;
        var defaults = PlanSection.DefaultsFor(scope.RegionId);
        db.PlanSections.AddRange(defaults);
        if (await db.TrySaveUniqueAsync(ct)) return defaults;
        // Another first reader wrote the defaults at the same moment: theirs are the region's.
        db.ChangeTracker.Clear();
        return await db.PlanSections.AsNoTracking().OrderBy(s => s.Order).ThenBy(s => s.Title).ToListAsync(ct);
    }

    public async Task SaveAsync(PlanSectionEdit edit, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator, Roles.Ministry, Roles.Admin);
        EditValidation.ThrowIfInvalid(edit);
        await using var db = await dbs.CreateDbContextAsync(ct);
        PlanSection section;
        if (edit.Id is { } id)
        {
            section = await db.PlanSections.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new ScopeException(InfraText.Plan_SectionNotFound);
            db.Entry(section).Property(s => s.Version).OriginalValue = edit.Version;
        }
        else
        {
            section = new PlanSection { Id = Guid.NewGuid(), RegionId = scope.RegionId };
            db.PlanSections.Add(section);
        }
        if (await db.PlanSections.AnyAsync(s => s.Title == edit.Title.Trim() && s.Id != section.Id, ct)) throw new DomainException(InfraText.Plan_SectionDuplicate, nameof(PlanSectionEdit.Title));
        section.Order = edit.Order;
        section.Title = edit.Title.Trim();
        section.IsMandatory = edit.IsMandatory;
        db.Record(scope, "plan-section.save", "plan-section", section.Id, section.Title, clock);
        await db.SaveOrRefuseStaleAsync(InfraText.Plan_SectionStale, ct);
        edit.Id = section.Id;
        edit.Version = section.Version;
    }
}
