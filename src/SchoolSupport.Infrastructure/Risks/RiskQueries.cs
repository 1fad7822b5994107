using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Risks;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Monitoring;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Risks;

public sealed record KeyRiskView(Guid FactorId, string Title, RiskLevel? Level, Guid? PlanId, string? PlanTitle, PlanStatus? PlanStatus);

/// <summary>A school's profile for a year as the profile page shows it: levels with the answers behind them, last year's levels, key risks.</summary>
public sealed record ProfileView(Guid SchoolId, string School, string Municipality, int Year, IReadOnlyList<RiskFactor> Factors,
    IReadOnlyList<FactorResult> Results, IReadOnlyDictionary<string, RiskLevel?> PreviousLevels, IReadOnlyList<KeyRiskView> KeyRisks,
    IReadOnlyDictionary<Guid, decimal> Shares, int KeyRiskLimit, bool Filled, uint Version, DateTimeOffset? UpdatedAt, string UpdatedBy, bool CanFill);

public sealed record SchoolRiskRow(Guid SchoolId, string School, Guid MunicipalityId, string Municipality, IReadOnlyDictionary<string, RiskLevel?> Levels,
    IReadOnlyDictionary<string, RiskLevel?> Previous, IReadOnlyList<string> KeyRisks, bool Filled)
{
    /// <summary>−1 better, 0 same, +1 worse than last year; null when either year has no level.</summary>
    public int? Change(string code) => Levels.GetValueOrDefault(code) is { } now && Previous.GetValueOrDefault(code) is { } before ? Math.Sign((int)now - (int)before) : null;
}

public sealed record FactorDistribution(string Code, string Title, int Low, int Medium, int High, int NoData);

public sealed record MunicipalityDistribution(Guid MunicipalityId, string Municipality, int Schools, int Filled,
    IReadOnlyDictionary<string, int> High, IReadOnlyDictionary<string, int> Medium);

/// <summary>The distribution of risk levels by factor across the schools the user sees (the listed ones, and any with a profile).</summary>
public sealed record RiskOverview(int Year, string Basis, IReadOnlyList<RiskFactor> Factors, IReadOnlyList<FactorDistribution> ByFactor,
    IReadOnlyList<MunicipalityDistribution> ByMunicipality, IReadOnlyList<SchoolRiskRow> Schools);

public sealed record HalfYearState(int HalfYear, DateOnly Due, EffectivenessReview? Review, bool Overdue);

public sealed record ReviewRow(Guid SchoolId, string School, string Municipality, IReadOnlyList<(Guid FactorId, string Title)> KeyRisks,
    HalfYearState First, HalfYearState Second);

public sealed record ReviewBoard(int Year, string Basis, IReadOnlyList<ReviewRow> Rows, bool CanRecord);

public sealed record DecisionRow(RiskDecision Decision, string Factor, string Owner, string? PlanTitle, string? Review);

public sealed record DecisionRegister(int Year, DateOnly Deadline, IReadOnlyList<DecisionRow> Rows, bool CanRegister);

/// <summary>What the decision form offers: the schools, municipalities, factors, programmes and reviews the user sees.</summary>
public sealed record DecisionChoices(IReadOnlyList<(Guid Id, string Name, Guid MunicipalityId)> Schools, IReadOnlyList<(Guid Id, string Name)> Municipalities,
    IReadOnlyList<(string Code, string Title)> Factors, IReadOnlyList<(Guid Id, Guid SchoolId, string Title)> Programmes,
    IReadOnlyList<(Guid Id, Guid SchoolId, string Title)> Reviews, bool Regional);

/// <summary>Reads of the risk capability; each goes through <see cref="Visibility"/>.</summary>
public sealed class RiskQueries(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public int CurrentYear => RiskCalendar.SchoolYearOf(Today);

    public async Task<ProfileView> ProfileAsync(Guid schoolId, int year, CancellationToken ct = default) =>
        await FindProfileAsync(schoolId, year, ct) ?? throw new ScopeException(InfraText.Common_SchoolNotFound);

    /// <summary>The profile of a school the user sees; null when the school is not there for the user (a page answers 404).</summary>
    public async Task<ProfileView?> FindProfileAsync(Guid schoolId, int year, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var school = await db.Schools.AsNoTracking().VisibleTo(scope, db).Where(s => s.Id == schoolId)
            .Select(s => new { s.Id, s.ShortName, Municipality = s.Municipality!.Name }).FirstOrDefaultAsync(ct);
        if (school is null) return null;
        var factors = await FactorsForReadAsync(db, scope, year, ct);
        var settings = await ConfigureRiskFactors.SettingsOfAsync(db, scope.RegionId, ct);
        var profiles = await ProfilesAsync(db, scope, [schoolId], [year, year - 1], ct);
        var profile = profiles.FirstOrDefault(p => p.Year == year);
        var shares = Shares(profile);
        var results = RiskComputation.Compute(factors, shares);
        var previous = await LevelsAsync(db, profiles.FirstOrDefault(p => p.Year == year - 1), ct);
        var keyRisks = new List<KeyRiskView>();
        if (profile is not null)
        {
            var planIds = profile.KeyRisks.Where(k => k.PlanId != null).Select(k => k.PlanId!.Value).ToList();
            var plans = await db.Plans.AsNoTracking().VisibleTo(scope, db).Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            keyRisks = profile.KeyRisks.Select(k =>
            {
                var result = results.First(r => r.FactorId == k.FactorId);
                var plan = k.PlanId is { } id ? plans.GetValueOrDefault(id) : null;
                return new KeyRiskView(k.FactorId, result.Title, result.Level, plan?.Id, plan?.Title, plan?.Status);
            }).OrderBy(k => factors.FindIndex(f => f.Id == k.FactorId)).ToList();
        }
        return new ProfileView(school.Id, school.ShortName, school.Municipality, year, factors, results, previous, keyRisks, shares, settings.KeyRiskLimit,
            profile is not null, profile?.Version ?? 0, profile?.UpdatedAt, profile?.UpdatedBy ?? "", FillRiskProfile.CanFill(scope, schoolId));
    }

    public async Task<RiskOverview> OverviewAsync(int year, Guid? municipalityId = null, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var factors = await FactorsForReadAsync(db, scope, year, ct);
        var (basis, schools) = await SchoolsAsync(db, scope, year, municipalityId, ct);
        var ids = schools.Select(s => s.Id).ToList();
        var profiles = await ProfilesAsync(db, scope, ids, [year, year - 1], ct);
        var previousFactors = await LoadFactorsAsync(db, year - 1, ct);
        var rows = schools.Select(s =>
        {
            var profile = profiles.FirstOrDefault(p => p.SchoolId == s.Id && p.Year == year);
            var before = profiles.FirstOrDefault(p => p.SchoolId == s.Id && p.Year == year - 1);
            var results = RiskComputation.Compute(factors, Shares(profile));
            return new SchoolRiskRow(s.Id, s.Name, s.MunicipalityId, s.Municipality, results.ToDictionary(r => r.Code, r => r.Level),
                before is null ? new Dictionary<string, RiskLevel?>() : RiskComputation.Compute(previousFactors, Shares(before)).ToDictionary(r => r.Code, r => r.Level),
                profile?.KeyRisks.Select(k => factors.First(f => f.Id == k.FactorId).Title).ToList() ?? [], profile is not null);
        }).ToList();
        var byFactor = factors.Select(f => new FactorDistribution(f.Code, f.Title,
            rows.Count(r => r.Levels[f.Code] == RiskLevel.Low), rows.Count(r => r.Levels[f.Code] == RiskLevel.Medium),
            rows.Count(r => r.Levels[f.Code] == RiskLevel.High), rows.Count(r => r.Levels[f.Code] is null))).ToList();
        var byMunicipality = rows.GroupBy(r => (r.MunicipalityId, r.Municipality)).OrderBy(g => g.Key.Municipality).Select(g => new MunicipalityDistribution(
            g.Key.MunicipalityId, g.Key.Municipality, g.Count(), g.Count(r => r.Filled),
            factors.ToDictionary(f => f.Code, f => g.Count(r => r.Levels[f.Code] == RiskLevel.High)),
            factors.ToDictionary(f => f.Code, f => g.Count(r => r.Levels[f.Code] == RiskLevel.Medium)))).ToList();
        return new RiskOverview(year, basis, factors, byFactor, byMunicipality, rows);
    }

    public async Task<ReviewBoard> ReviewsAsync(int year, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var settings = await ConfigureRiskFactors.SettingsOfAsync(db, scope.RegionId, ct);
        var (basis, schools) = await SchoolsAsync(db, scope, year, null, ct);
        var ids = schools.Select(s => s.Id).ToList();
        var reviews = await db.EffectivenessReviews.AsNoTracking().VisibleTo(scope, db).Include(r => r.Findings)
            .Where(r => r.Year == year && ids.Contains(r.SchoolId)).ToListAsync(ct);
        var keyRisks = await db.RiskProfiles.AsNoTracking().VisibleTo(scope, db).Where(p => p.Year == year && ids.Contains(p.SchoolId))
            .SelectMany(p => p.KeyRisks.Select(k => new { p.SchoolId, k.FactorId }))
            .Join(db.RiskFactors, k => k.FactorId, f => f.Id, (k, f) => new { k.SchoolId, f.Id, f.Title, f.Order }).ToListAsync(ct);
        HalfYearState State(Guid schoolId, int half)
        {
            var review = reviews.FirstOrDefault(r => r.SchoolId == schoolId && r.HalfYear == half);
            var due = settings.ReviewDue(year, half);
            return new HalfYearState(half, due, review, review is null && Today > due);
        }
        var rows = schools.Select(s => new ReviewRow(s.Id, s.Name, s.Municipality,
            keyRisks.Where(k => k.SchoolId == s.Id).OrderBy(k => k.Order).Select(k => (k.Id, k.Title)).ToList(), State(s.Id, 1), State(s.Id, 2))).ToList();
        return new ReviewBoard(year, basis, rows, RecordEffectivenessReview.CanRecord(scope));
    }

    /// <summary>
    /// The half-year reviews of the current school year whose due date (the region's risk settings) has passed without a
    /// review, for the supported schools the user sees: the coordinator's inbox lists them.
    /// </summary>
    internal static async Task<List<(Guid SchoolId, string School, int Year, int HalfYear, DateOnly Due)>> OverdueReviewsAsync(
        AppDbContext db, UserScope scope, DateOnly today, CancellationToken ct)
    {
        var year = RiskCalendar.SchoolYearOf(today);
        var settings = await ConfigureRiskFactors.SettingsOfAsync(db, scope.RegionId, ct);
        int[] halves = [.. new[] { 1, 2 }.Where(h => today > settings.ReviewDue(year, h))];
        if (halves.Length == 0) return [];
        var (_, schools) = await SchoolsAsync(db, scope, year, null, ct);
        var ids = schools.Select(s => s.Id).ToList();
        var recorded = await db.EffectivenessReviews.AsNoTracking().VisibleTo(scope, db).Where(r => r.Year == year && ids.Contains(r.SchoolId))
            .Select(r => new { r.SchoolId, r.HalfYear }).ToListAsync(ct);
        return [.. from s in schools
                   from h in halves
                   where !recorded.Any(r => r.SchoolId == s.Id && r.HalfYear == h)
                   select (s.Id, s.Name, year, h, settings.ReviewDue(year, h))];
    }

    public async Task<DecisionRegister> DecisionsAsync(int year, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var settings = await ConfigureRiskFactors.SettingsOfAsync(db, scope.RegionId, ct);
        var factors = await FactorsForReadAsync(db, scope, year, ct);
        var decisions = await db.RiskDecisions.AsNoTracking().VisibleTo(scope, db).Where(d => d.Year == year)
            .OrderBy(d => d.TakenOn).ThenBy(d => d.RegisteredAt).ToListAsync(ct);
        var schoolIds = decisions.Where(d => d.SchoolId != null).Select(d => d.SchoolId!.Value).Distinct().ToList();
        var schools = await db.Schools.AsNoTracking().Where(s => schoolIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.ShortName, ct);
        var municipalities = await db.Municipalities.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var planIds = decisions.Where(d => d.PlanId != null).Select(d => d.PlanId!.Value).ToList();
        var plans = await db.Plans.AsNoTracking().VisibleTo(scope, db).Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        var reviewIds = decisions.Where(d => d.ReviewId != null).Select(d => d.ReviewId!.Value).ToList();
        var reviews = await db.EffectivenessReviews.AsNoTracking().VisibleTo(scope, db).Where(r => reviewIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => $"{Titles.HalfYear(r.HalfYear)} {RiskCalendar.YearTitle(r.Year)}, {r.Date:dd.MM.yyyy}", ct);
        var rows = decisions.Select(d => new DecisionRow(d, factors.FirstOrDefault(f => f.Code == d.FactorCode)?.Title ?? d.FactorCode,
            d.Level switch
            {
                DecisionLevel.School => schools.GetValueOrDefault(d.SchoolId ?? Guid.Empty) ?? "",
                DecisionLevel.Municipality => municipalities.GetValueOrDefault(d.MunicipalityId ?? Guid.Empty) ?? "",
                _ => InfraText.Common_RegionLower,
            },
            d.PlanId is { } p ? plans.GetValueOrDefault(p) : null, d.ReviewId is { } r ? reviews.GetValueOrDefault(r) : null)).ToList();
        return new DecisionRegister(year, settings.DecisionsDue(year), rows, RegisterRiskDecision.CanRegister(scope));
    }

    public async Task<DecisionChoices> DecisionChoicesAsync(int year, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var factors = await FactorsForReadAsync(db, scope, year, ct);
        var schools = await db.Schools.AsNoTracking().VisibleTo(scope, db).OrderBy(s => s.ShortName).Select(s => new { s.Id, s.ShortName, s.MunicipalityId }).ToListAsync(ct);
        var municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(ct);
        var programmes = await db.Plans.AsNoTracking().VisibleTo(scope, db).Where(p => p.Kind == PlanKind.AntiRiskProgramme && p.SchoolId != null)
            .OrderBy(p => p.Title).Select(p => new { p.Id, SchoolId = p.SchoolId!.Value, p.Title }).ToListAsync(ct);
        var reviews = await db.EffectivenessReviews.AsNoTracking().VisibleTo(scope, db).Where(r => r.Year == year || r.Year == year - 1)
            .OrderBy(r => r.Year).ThenBy(r => r.HalfYear).Select(r => new { r.Id, r.SchoolId, r.Year, r.HalfYear, r.Date }).ToListAsync(ct);
        return new DecisionChoices(
            schools.Select(s => (s.Id, s.ShortName, s.MunicipalityId)).ToList(),
            municipalities.Where(m => Visibility.CanSeeMunicipality(scope, m.Id)).Select(m => (m.Id, m.Name)).ToList(),
            factors.Select(f => (f.Code, f.Title)).ToList(),
            programmes.Select(p => (p.Id, p.SchoolId, p.Title)).ToList(),
            reviews.Select(r => (r.Id, r.SchoolId, $"{Titles.HalfYear(r.HalfYear)} {RiskCalendar.YearTitle(r.Year)} ({r.Date:dd.MM.yyyy})")).ToList(),
            scope.IsRegional);
    }

    /// <summary>The listed schools of the year (or all while none is published) and any school with a profile that year, narrowed to the user's.</summary>
    private static async Task<(string Basis, List<(Guid Id, string Name, Guid MunicipalityId, string Municipality)> Schools)> SchoolsAsync(
        AppDbContext db, UserScope scope, int year, Guid? municipalityId, CancellationToken ct)
    {
        var covered = await MonitoringCoverage.CoveredAsync(db, scope.RegionId, year, ct);
        var coveredIds = covered.SchoolIds.ToList();
        var withProfile = db.RiskProfiles.Where(p => p.Year == year).Select(p => p.SchoolId);
        var rows = await db.Schools.AsNoTracking().VisibleTo(scope, db)
            .Where(s => coveredIds.Contains(s.Id) || withProfile.Contains(s.Id))
            .Where(s => municipalityId == null || s.MunicipalityId == municipalityId)
            .OrderBy(s => s.Municipality!.Name).ThenBy(s => s.ShortName)
            .Select(s => new { s.Id, s.ShortName, s.MunicipalityId, Municipality = s.Municipality!.Name }).ToListAsync(ct);
        return (covered.Basis, rows.Select(r => (r.Id, r.ShortName, r.MunicipalityId, r.Municipality)).ToList());
    }

    private static Task<List<RiskProfile>> ProfilesAsync(AppDbContext db, UserScope scope, List<Guid> schoolIds, int[] years, CancellationToken ct) =>
        db.RiskProfiles.AsNoTracking().VisibleTo(scope, db).Include(p => p.Answers).Include(p => p.KeyRisks).AsSplitQuery()
            .Where(p => schoolIds.Contains(p.SchoolId) && years.Contains(p.Year)).ToListAsync(ct);

    private static async Task<IReadOnlyDictionary<string, RiskLevel?>> LevelsAsync(AppDbContext db, RiskProfile? profile, CancellationToken ct) =>
        profile is null
            ? new Dictionary<string, RiskLevel?>()
            : RiskComputation.Compute(await LoadFactorsAsync(db, profile.Year, ct), Shares(profile)).ToDictionary(r => r.Code, r => r.Level);

    /// <summary>A working year's factors (written on first use); an older year's as they are, so that a read never invents a past set.</summary>
    private Task<List<RiskFactor>> FactorsForReadAsync(AppDbContext db, UserScope scope, int year, CancellationToken ct) =>
        RiskCalendar.CheckYear(year, Today) is null ? ConfigureRiskFactors.EnsureFactorsAsync(db, scope.RegionId, year, ct) : LoadFactorsAsync(db, year, ct);

    /// <summary>A year's factors as they are, without writing defaults (last year may have had no profiles at all).</summary>
    private static Task<List<RiskFactor>> LoadFactorsAsync(AppDbContext db, int year, CancellationToken ct) =>
        db.RiskFactors.AsNoTracking().Include(f => f.Questions).Where(f => f.Year == year).OrderBy(f => f.Order).ToListAsync(ct);

    private static Dictionary<Guid, decimal> Shares(RiskProfile? profile) => profile?.Answers.ToDictionary(a => a.QuestionId, a => a.Share) ?? [];

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
