using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Roadmaps;

/// <summary>Creates a draft at the user's own level (school programme, municipal or regional roadmap). Returns the new id.</summary>
public sealed class CreatePlan(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public async Task<Guid> CreateAsync(PlanHeaderEdit edit, CancellationToken ct = default)
    {
        var scope = current.Require();
        var level = PlanRoles.LevelCreatedBy(scope) ?? throw new ScopeException(InfraText.Plan_NoRightToCreate);
        EditValidation.ThrowIfInvalid(edit);

        await using var db = await dbs.CreateDbContextAsync(ct);
        Guid? municipalityId = scope.MunicipalityId;
        if (level == PlanLevel.School)
        {
            municipalityId = await db.Schools.Where(s => s.Id == scope.SchoolId).Select(s => (Guid?)s.MunicipalityId).FirstOrDefaultAsync(ct)
                ?? throw new ScopeException(InfraText.Common_SchoolNotFound);
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
}
