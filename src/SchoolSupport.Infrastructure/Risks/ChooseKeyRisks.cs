using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Risks;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Risks;

/// <summary>
/// The school team chooses its key risks from its profile (no more than the region allows). Each newly chosen risk opens an
/// anti-risk programme: a draft school plan of that kind, the risk as its goal, which then goes through the usual plan
/// workflow (mandatory sections, the coordinator's review). A risk let go takes its programme with it while that is a draft;
/// once the programme has gone to review the risk stays.
/// </summary>
public sealed class ChooseKeyRisks(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    private static string Stale => InfraText.Risk_ProfileStaleChoice;

    public async Task<uint> ChooseAsync(int year, IReadOnlyCollection<Guid> factorIds, uint version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(factorIds);
        var scope = current.RequireRole(Roles.School);
        var schoolId = scope.SchoolId ?? throw new ScopeException(InfraText.Risk_KeyRisksOnlySchoolTeam);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var school = await db.Schools.VisibleTo(scope, db).FirstOrDefaultAsync(s => s.Id == schoolId, ct) ?? throw new ScopeException(InfraText.Common_SchoolNotFound);
        var profile = await db.RiskProfiles.VisibleTo(scope, db).Include(p => p.KeyRisks).Include(p => p.Answers)
            .FirstOrDefaultAsync(p => p.SchoolId == schoolId && p.Year == year, ct)
            ?? throw new DomainException(InfraFormat.Of(InfraText.Risk_FillProfileFirst, RiskCalendar.YearTitle(year)));
        StaleEdits.RefuseIfStale(profile.Version, version, Stale);
        db.Entry(profile).Property(p => p.Version).OriginalValue = version;

        var factors = await ConfigureRiskFactors.EnsureFactorsAsync(db, scope.RegionId, year, ct);
        var settings = await ConfigureRiskFactors.SettingsOfAsync(db, scope.RegionId, ct);
        var (added, removed) = profile.ChooseKeyRisks(factorIds, settings.KeyRiskLimit, factors.Select(f => f.Id).ToHashSet());

        var removedPlans = removed.Where(k => k.PlanId != null).Select(k => k.PlanId!.Value).ToList();
        var plans = await db.Plans.Where(p => removedPlans.Contains(p.Id)).ToListAsync(ct);
        var started = plans.Where(p => p.Status != PlanStatus.Draft).Select(p => InfraFormat.Of(InfraText.Risk_ProgrammeSubmitted, p.Title)).ToList();
        DomainException.ThrowIfAny(started);
        db.Plans.RemoveRange(plans);
        db.KeyRisks.RemoveRange(removed);

        var results = RiskComputation.Compute(factors, profile.Answers.ToDictionary(a => a.QuestionId, a => a.Share)).ToDictionary(r => r.FactorId);
        foreach (var factorId in added)
        {
            var result = results[factorId];
            var plan = new Plan
            {
                Id = Guid.NewGuid(), RegionId = scope.RegionId, Level = PlanLevel.School, Kind = PlanKind.AntiRiskProgramme,
                MunicipalityId = school.MunicipalityId, SchoolId = school.Id,
                Title = InfraFormat.Of(InfraText.Risk_ProgrammeTitle, result.Title, RiskCalendar.YearTitle(year)),
                PeriodFrom = new DateOnly(year, 9, 1), PeriodTo = new DateOnly(year + 1, 8, 31),
                Goals = InfraFormat.Of(InfraText.Risk_ReduceRisk, result.Title, Titles.Of(result.Level))
                        + (result.Score is { } score ? InfraFormat.Of(InfraText.Risk_LevelScore, score) : "."),
                CreatedAt = clock.GetUtcNow(),
            };
            db.Plans.Add(plan);
            db.KeyRisks.Add(new KeyRisk { Id = Guid.NewGuid(), RegionId = scope.RegionId, ProfileId = profile.Id, FactorId = factorId, PlanId = plan.Id });
            db.Record(scope, "plan.create", "plan", plan.Id, plan.Title, clock);
        }
        profile.UpdatedAt = clock.GetUtcNow();
        profile.UpdatedBy = scope.UserName;
        db.Record(scope, "risk-profile.key-risks", "risk-profile", profile.Id,
            string.Join("; ", factorIds.Distinct().Select(id => results[id].Title)), clock);
        if (!await db.TrySaveUniqueAsync(ct).OrRefuseStaleAsync(Stale)) throw new StaleEditException(Stale);
        return profile.Version;
    }
}
