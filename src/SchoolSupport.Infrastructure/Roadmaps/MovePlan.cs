using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Monitoring;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Roadmaps;

/// <summary>Moves the plan along the workflow — the domain refuses wrong steps, the user's scope decides the role — and tells the other side.</summary>
public sealed class MovePlan(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, Notices notices)
{
    public async Task<uint> MoveAsync(Guid planId, uint version, PlanStatus to, string? comment, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var plan = await db.Plans.VisibleTo(scope, db).Include(p => p.Items).FirstOrDefaultAsync(p => p.Id == planId, ct)
            ?? throw new ScopeException(InfraText.Plan_NotFound);
        StaleEdits.RefuseIfStale(plan.Version, version, PlanLookups.StaleMessage);
        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        var sections = await PlanSections.EnsureAsync(db, scope, ct);
        var transition = plan.MoveTo(to, PlanRoles.RoleOf(plan, scope), comment, sections, scope.UserId, scope.UserName, clock.GetUtcNow());
        await NotifyAsync(db, scope, plan, transition, ct);
        await CloseTasksAsync(db, plan, transition, ct);
        db.Record(scope, "plan.status", "plan", plan.Id, $"{Titles.Of(transition.From)} → {Titles.Of(transition.To)}", clock);
        await db.SaveOrRefuseStaleAsync(PlanLookups.StaleMessage, ct);
        await notices.MailAsync(db, ct);
        return plan.Version;
    }

    /// <summary>A school programme submitted closes the school's «представить программу» task; a municipal roadmap approved the municipality's.</summary>
    private static async Task CloseTasksAsync(AppDbContext db, Plan plan, PlanTransition transition, CancellationToken ct)
    {
        var evidence = $"«{plan.Title}»: {Titles.Of(transition.To).ToLowerInvariant()} {transition.At.ToLocalTime():dd.MM.yyyy}";
        if (plan.Level == PlanLevel.School && plan.SchoolId is { } school && transition.To is PlanStatus.Submitted or PlanStatus.Approved)
            await CloseTasksByEvidence.CloseAsync(db, school, TaskEvidence.SchoolProgramme, evidence, $"/roadmaps/{plan.Id}", transition.At, ct);
        if (plan.Level == PlanLevel.Municipality && plan.MunicipalityId is { } municipality && transition.To == PlanStatus.Approved)
            await CloseTasksByEvidence.CloseAsync(db, municipality, TaskEvidence.MunicipalProgramme, evidence, $"/roadmaps/{plan.Id}", transition.At, ct);
    }

    /// <summary>The other side of the workflow hears about a step: the reviewers when a plan is submitted or reported, the owners otherwise.</summary>
    private async Task NotifyAsync(AppDbContext db, UserScope scope, Plan plan, PlanTransition transition, CancellationToken ct)
    {
        var toReviewers = transition.To is PlanStatus.Submitted or PlanStatus.Reported;
        var users = toReviewers ? await PlanRecipients.ReviewersAsync(db, plan, ct) : await PlanRecipients.OwnersAsync(db, plan, ct);
        await notices.AddAsync(db, scope, plan.RegionId, users, $"«{plan.Title}»", Titles.Of(transition.To), $"/roadmaps/{plan.Id}", transition.Comment, ct);
    }
}
