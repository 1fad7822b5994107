using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Roadmaps;

/// <summary>Adds or changes an activity. In a draft or returned plan the owner edits everything; while the plan is carried out only the actual value, the status and the notes change.</summary>
public sealed class SavePlanItem(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public async Task SaveItemAsync(PlanItemEdit edit, CancellationToken ct = default)
    {
        var scope = current.Require();
        EditValidation.ThrowIfInvalid(edit);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var plan = await PlanLookups.PlanWithOwnItemsAsync(db, scope, edit.PlanId, ct);
        if (edit.SectionId is { } sectionId && !await db.PlanSections.AnyAsync(s => s.Id == sectionId, ct)) throw new DomainException(InfraText.Plan_SectionNotFound, nameof(PlanItemEdit.SectionId));

        PlanItem item;
        if (edit.Id is { } id)
        {
            item = await db.PlanItems.FirstOrDefaultAsync(i => i.Id == id && i.PlanId == plan.Id, ct) ?? throw new ScopeException(InfraText.Common_ActivityNotFound);
            db.Entry(item).Property(i => i.Version).OriginalValue = edit.Version;
        }
        else
        {
            plan.EnsureEditable();
            item = new PlanItem { Id = Guid.NewGuid(), RegionId = plan.RegionId, PlanId = plan.Id };
            db.PlanItems.Add(item);
        }

        plan.WriteItem(item, new PlanItemContent(edit.SectionId, edit.Activity.Trim(), edit.Deadline!.Value, edit.Responsible.Trim(),
            edit.Participants.Trim(), edit.Indicator.Trim(), edit.Target.Trim(), edit.Actual.Trim(), edit.Status, edit.Comments.Trim()));
        db.Record(scope, edit.Id is null ? "plan-item.create" : "plan-item.update", "plan", plan.Id, item.Activity, clock);
        await db.SaveOrRefuseStaleAsync(InfraText.Common_ActivityStale, ct);
        edit.Id = item.Id;
        edit.Version = item.Version;
    }
}
