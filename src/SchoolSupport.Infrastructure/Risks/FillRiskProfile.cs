using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Risks;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Risks;

/// <summary>
/// The school team enters its risk profile for a school year: per question the share (0–100 %) of the group that agreed.
/// The whole questionnaire is saved at once, or nothing is; a question left empty is not answered.
/// </summary>
public sealed class FillRiskProfile(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    private static string Stale => InfraText.Risk_ProfileStaleInput;

    public static bool CanFill(UserScope scope, Guid schoolId) => scope.IsIn(Roles.School) && scope.SchoolId == schoolId;

    /// <summary>Saves the answers of the user's school; <paramref name="version"/> is the profile's row version as the page read it (0 for a new one).</summary>
    public async Task<uint> SaveAsync(int year, IReadOnlyDictionary<Guid, decimal> shares, uint version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(shares);
        var scope = current.RequireRole(Roles.School);
        var schoolId = scope.SchoolId ?? throw new ScopeException(InfraText.Risk_ProfileOnlySchoolTeam);
        DomainException.ThrowIfAny(RiskCalendar.CheckYear(year, Today) is { } wrongYear ? [wrongYear] : []);

        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await Visibility.CanSeeSchoolAsync(db, scope, schoolId, ct)) throw new ScopeException(InfraText.Common_SchoolNotFound);
        var factors = await ConfigureRiskFactors.EnsureFactorsAsync(db, scope.RegionId, year, ct);
        DomainException.ThrowIfAny(RiskComputation.CheckAnswers(factors, shares));

        var profile = await db.RiskProfiles.VisibleTo(scope, db).Include(p => p.Answers).FirstOrDefaultAsync(p => p.SchoolId == schoolId && p.Year == year, ct);
        if (profile is null)
        {
            profile = new RiskProfile { Id = Guid.NewGuid(), RegionId = scope.RegionId, SchoolId = schoolId, Year = year };
            db.RiskProfiles.Add(profile);
        }
        else
        {
            StaleEdits.RefuseIfStale(profile.Version, version, Stale);
            db.Entry(profile).Property(p => p.Version).OriginalValue = version;
        }
        db.RiskAnswers.RemoveRange(profile.Answers.Where(a => !shares.ContainsKey(a.QuestionId)));
        foreach (var (questionId, share) in shares)
        {
            var answer = profile.Answers.FirstOrDefault(a => a.QuestionId == questionId);
            if (answer is null) db.RiskAnswers.Add(new RiskAnswer { ProfileId = profile.Id, QuestionId = questionId, RegionId = scope.RegionId, Share = share });
            else answer.Share = share;
        }
        profile.UpdatedAt = clock.GetUtcNow();
        profile.UpdatedBy = scope.UserName;
        db.Record(scope, "risk-profile.save", "risk-profile", profile.Id, InfraFormat.Of(InfraText.Risk_ProfileAnswers, RiskCalendar.YearTitle(year), shares.Count), clock);
        if (!await db.TrySaveUniqueAsync(ct).OrRefuseStaleAsync(Stale)) throw new StaleEditException(Stale);
        return profile.Version;
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
