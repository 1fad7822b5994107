using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Roadmaps;

/// <summary>Everything the plan page shows: the plan with items, comments and history, and what this user may do with it.</summary>
public sealed record PlanView(Plan Plan, string OwnerName, IReadOnlyList<PlanSection> Sections, PlanRole Role, bool CanComment,
    IReadOnlyList<PlanSection> MissingSections, IReadOnlyList<PlanStatus> NextSteps)
{
    public bool CanEditContent => Role == PlanRole.Owner && Plan.IsEditable;
    public bool CanRecordProgress => Role == PlanRole.Owner && Plan.IsInExecution;
}

/// <summary>Creating and editing plans, the review workflow and comments, each checked against the user's scope.</summary>
public sealed class PlanService(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    private const string StaleMessage = "План изменён другим пользователем — обновите страницу.";

    public async Task<PlanView?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var plan = await db.Plans.AsNoTracking().VisibleTo(scope, db)
            .Include(p => p.Items).Include(p => p.Comments).Include(p => p.Transitions.OrderBy(t => t.At))
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null) return null;
        plan.Items = plan.Items.OrderBy(i => i.Deadline).ThenBy(i => i.Activity).ToList();
        plan.Comments = plan.Comments.OrderBy(c => c.At).ToList();
        var sections = await PlanSections.EnsureAsync(db, scope, ct);
        var role = PlanRoles.RoleOf(plan, scope);
        return new PlanView(plan, await OwnerNameAsync(db, plan, ct), sections, role, PlanRoles.CanComment(plan, scope),
            plan.MissingSections(sections), Plan.NextFor(plan.Status, role).ToList());
    }

    internal static async Task<string> OwnerNameAsync(AppDbContext db, Plan plan, CancellationToken ct) => plan.Level switch
    {
        PlanLevel.School => await db.Schools.Where(s => s.Id == plan.SchoolId).Select(s => s.ShortName).FirstOrDefaultAsync(ct) ?? "",
        PlanLevel.Municipality => await db.Municipalities.Where(m => m.Id == plan.MunicipalityId).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "",
        _ => await db.Regions.Where(r => r.Id == plan.RegionId).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? "",
    };

    /// <summary>Creates a draft at the user's own level (school programme, municipal or regional roadmap). Returns the new id.</summary>
    public async Task<Guid> CreateAsync(PlanHeaderEdit edit, CancellationToken ct = default)
    {
        var scope = current.Require();
        var level = PlanRoles.LevelCreatedBy(scope) ?? throw new ScopeException("Недостаточно прав для создания плана.");
        EditValidation.ThrowIfInvalid(edit);

        await using var db = await dbs.CreateDbContextAsync(ct);
        Guid? municipalityId = scope.MunicipalityId;
        if (level == PlanLevel.School)
        {
            municipalityId = await db.Schools.Where(s => s.Id == scope.SchoolId).Select(s => (Guid?)s.MunicipalityId).FirstOrDefaultAsync(ct)
                ?? throw new ScopeException("Школа не найдена.");
        }
        var plan = new Plan
        {
            Id = Guid.NewGuid(), RegionId = scope.RegionId, Level = level, Kind = edit.Kind,
            MunicipalityId = level == PlanLevel.Region ? null : municipalityId,
            SchoolId = level == PlanLevel.School ? scope.SchoolId : null,
            Title = edit.Title.Trim(), PeriodFrom = edit.PeriodFrom, PeriodTo = edit.PeriodTo, Goals = edit.Goals.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Plans.Add(plan);
        db.Record(scope, "plan.create", "plan", plan.Id, plan.Title, clock);
        await db.SaveChangesAsync(ct);
        return plan.Id;
    }

    public async Task SaveHeaderAsync(PlanHeaderEdit edit, CancellationToken ct = default)
    {
        var scope = current.Require();
        EditValidation.ThrowIfInvalid(edit);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var plan = await OwnPlanAsync(db, scope, edit.Id ?? Guid.Empty, edit.Version, ct);
        plan.EnsureEditable();
        plan.Kind = edit.Kind;
        plan.Title = edit.Title.Trim();
        plan.PeriodFrom = edit.PeriodFrom;
        plan.PeriodTo = edit.PeriodTo;
        plan.Goals = edit.Goals.Trim();
        db.Record(scope, "plan.update", "plan", plan.Id, plan.Title, clock);
        await SaveAsync(db, ct);
        edit.Version = plan.Version;
    }

    /// <summary>
    /// Adds or changes an activity. In a draft or returned plan the owner edits everything; while the plan is carried out
    /// only the actual value, the status and the notes change.
    /// </summary>
    public async Task SaveItemAsync(PlanItemEdit edit, CancellationToken ct = default)
    {
        var scope = current.Require();
        EditValidation.ThrowIfInvalid(edit);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var plan = await db.Plans.VisibleTo(scope, db).FirstOrDefaultAsync(p => p.Id == edit.PlanId, ct) ?? throw new ScopeException("План не найден.");
        if (PlanRoles.RoleOf(plan, scope) != PlanRole.Owner) throw new ScopeException("Изменять мероприятия может только разработчик плана.");
        if (edit.SectionId is { } sectionId && !await db.PlanSections.AnyAsync(s => s.Id == sectionId, ct)) throw new DomainException("Раздел не найден.", nameof(PlanItemEdit.SectionId));

        PlanItem item;
        if (edit.Id is { } id)
        {
            item = await db.PlanItems.FirstOrDefaultAsync(i => i.Id == id && i.PlanId == plan.Id, ct) ?? throw new ScopeException("Мероприятие не найдено.");
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
        await db.SaveOrRefuseStaleAsync("Мероприятие уже изменил другой пользователь. Обновите страницу и повторите изменения.", ct);
        edit.Id = item.Id;
        edit.Version = item.Version;
    }

    public async Task DeleteItemAsync(Guid planId, Guid itemId, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var plan = await db.Plans.VisibleTo(scope, db).FirstOrDefaultAsync(p => p.Id == planId, ct) ?? throw new ScopeException("План не найден.");
        if (PlanRoles.RoleOf(plan, scope) != PlanRole.Owner) throw new ScopeException("Изменять мероприятия может только разработчик плана.");
        plan.EnsureEditable();
        var item = await db.PlanItems.FirstOrDefaultAsync(i => i.Id == itemId && i.PlanId == planId, ct) ?? throw new ScopeException("Мероприятие не найдено.");
        db.PlanItems.Remove(item);
        db.Record(scope, "plan-item.delete", "plan", plan.Id, item.Activity, clock);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Moves the plan along the workflow; the domain refuses wrong steps, the user's scope decides the role.</summary>
    public async Task<uint> MoveAsync(Guid planId, uint version, PlanStatus to, string? comment, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var plan = await db.Plans.VisibleTo(scope, db).Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new ScopeException("План не найден.");
        StaleEdits.RefuseIfStale(plan.Version, version, StaleMessage);
        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        var sections = await PlanSections.EnsureAsync(db, scope, ct);
        var transition = plan.MoveTo(to, PlanRoles.RoleOf(plan, scope), comment, sections, scope.UserId, scope.UserName, clock.GetUtcNow());
        await NotifyAsync(db, plan, transition, ct);
        db.Record(scope, "plan.status", "plan", plan.Id, $"{PlanLabels.Of(transition.From)} → {PlanLabels.Of(transition.To)}", clock);
        await SaveAsync(db, ct);
        return plan.Version;
    }

    public async Task CommentAsync(Guid planId, Guid? itemId, string text, CancellationToken ct = default)
    {
        var scope = current.Require();
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("Введите текст комментария.");
        if (text.Length > 4000) throw new DomainException("Комментарий не длиннее 4000 символов.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var plan = await db.Plans.AsNoTracking().VisibleTo(scope, db).FirstOrDefaultAsync(p => p.Id == planId, ct) ?? throw new ScopeException("План не найден.");
        if (!PlanRoles.CanComment(plan, scope)) throw new ScopeException("Недостаточно прав для комментирования плана.");
        if (itemId is { } id && !await db.PlanItems.AnyAsync(i => i.Id == id && i.PlanId == planId, ct)) throw new DomainException("Мероприятие не найдено.");
        db.PlanComments.Add(new PlanComment
        {
            Id = Guid.NewGuid(), RegionId = plan.RegionId, PlanId = planId, ItemId = itemId, AuthorId = scope.UserId, AuthorName = scope.UserName,
            At = clock.GetUtcNow(), Text = text.Trim(),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The other side of the workflow hears about a step: the reviewers when a plan is submitted or reported, the owners otherwise.</summary>
    private async Task NotifyAsync(AppDbContext db, Plan plan, PlanTransition transition, CancellationToken ct)
    {
        var toReviewers = transition.To is PlanStatus.Submitted or PlanStatus.Reported;
        var users = toReviewers ? await PlanRecipients.ReviewersAsync(db, plan, ct) : await PlanRecipients.OwnersAsync(db, plan, ct);
        var title = $"«{plan.Title}»: {PlanLabels.Of(transition.To).ToLowerInvariant()}";
        foreach (var userId in users.Where(u => u != transition.UserId))
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.NewGuid(), RegionId = plan.RegionId, UserId = userId, CreatedAt = transition.At, Title = title,
                Body = transition.Comment ?? "", Link = $"/roadmaps/{plan.Id}",
            });
        }
    }

    private static async Task<Plan> OwnPlanAsync(AppDbContext db, UserScope scope, Guid id, uint version, CancellationToken ct)
    {
        var plan = await db.Plans.VisibleTo(scope, db).FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new ScopeException("План не найден.");
        if (PlanRoles.RoleOf(plan, scope) != PlanRole.Owner) throw new ScopeException("Изменять план может только его разработчик.");
        StaleEdits.RefuseIfStale(plan.Version, version, StaleMessage);
        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        return plan;
    }

    private static async Task SaveAsync(AppDbContext db, CancellationToken ct)
    {
        await db.SaveOrRefuseStaleAsync(StaleMessage, ct);
    }
}
