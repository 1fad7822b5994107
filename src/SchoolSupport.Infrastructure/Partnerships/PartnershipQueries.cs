using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Monitoring;
using SchoolSupport.Infrastructure.Documents;

namespace SchoolSupport.Infrastructure.Partnerships;

public sealed record PartnershipRow(Guid Id, string Title, string Leader, PartnerRole LeaderRole, NetworkModel Model, string AgreementNumber,
    DateOnly? AgreementDate, DateOnly ValidFrom, DateOnly ValidTo, SupportTypes SupportTypes, PartnershipStatus Status, int Schools);

public sealed record SchoolName(Guid Id, string Name, string Municipality, Guid MunicipalityId);

public sealed record PartnershipView(Partnership Partnership, SchoolName Leader, IReadOnlyList<SchoolName> Schools, bool CanManage, bool CanReport,
    IReadOnlyList<PartnershipStatus> NextSteps, string? AgreementFileName, Guid? AgreementVersionId);

public sealed record AgreementsKpi(int Year, int Signed, int Target)
{
    public bool Met => Signed >= Target;
}

/// <summary>Why a school may lead a partnership: the registry flags and stable high results over the last years.</summary>
public sealed record LeaderEligibility(Guid SchoolId, string School, string Municipality, LeaderKind Leader, bool IsInnovationSite, bool IsConsultingCentre,
    bool StableHighResults, decimal? MaxBelowMinimumShare)
{
    public bool IsEligible => Leader != LeaderKind.None || IsInnovationSite || IsConsultingCentre || StableHighResults;
}

/// <summary>
/// Partnership agreements between leader schools (or consulting and resource centres) and supported schools, as the user
/// sees them: the list, one card, the schools to choose from, who may lead, and the yearly KPI.
/// </summary>
public sealed class PartnershipQueries(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, SupportTargets targets)
{
    private DateOnly Today => clock.Today();

    private static IQueryable<Partnership> Visible(AppDbContext db, UserScope scope) => PartnershipAccess.Visible(db, scope);

    public async Task<IReadOnlyList<PartnershipRow>> ListAsync(CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await Visible(db, scope).AsNoTracking()
            .Join(db.Schools, p => p.LeaderSchoolId, s => s.Id, (p, s) => new PartnershipRow(p.Id, p.Title, s.ShortName, p.LeaderRole, p.Model,
                p.AgreementNumber, p.AgreementDate, p.ValidFrom, p.ValidTo, p.SupportTypes, p.Status, p.Schools.Count))
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Status).ThenByDescending(r => r.ValidFrom)];
    }

    public async Task<PartnershipView?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await Visible(db, scope).AsNoTracking().Include(x => x.Schools).Include(x => x.Activities).Include(x => x.Reports)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        p.Activities = [.. p.Activities.OrderBy(a => a.Deadline)];
        p.Reports = [.. p.Reports.OrderByDescending(r => r.Date)];
        var ids = p.Schools.Select(s => s.SchoolId).Append(p.LeaderSchoolId).ToList();
        var names = await db.Schools.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.MunicipalityId, Name = new SchoolName(s.Id, s.ShortName, s.Municipality!.Name, s.MunicipalityId) }).ToListAsync(ct);
        var canManage = PartnershipAccess.CanManage(scope, names.Select(n => n.MunicipalityId));
        var file = p.AgreementDocumentId is { } docId ? (await db.DocumentVersions.LatestOfAsync([docId], ct)).GetValueOrDefault(docId) : null;
        return new PartnershipView(p, names.First(n => n.Id == p.LeaderSchoolId).Name,
            [.. names.Where(n => n.Id != p.LeaderSchoolId).Select(n => n.Name).OrderBy(n => n.Name)],
            canManage, PartnershipAccess.CanReport(scope, p, canManage),
            canManage ? [.. Partnership.NextFrom(p.Status)] : [], file?.FileName, file?.VersionId);
    }

    /// <summary>Agreements signed in the year within the user's scope, against the target (default 5 a year).</summary>
    public async Task<AgreementsKpi> KpiAsync(int? year = null, CancellationToken ct = default)
    {
        var scope = current.Require();
        var y = year ?? Today.Year;
        await using var db = await dbs.CreateDbContextAsync(ct);
        // The same count as the monitoring indicator «Соглашения о партнёрстве за год».
        var signed = await IndicatorFigures.AgreementsSignedAsync(db, scope, y, null, ct);
        return new AgreementsKpi(y, signed, targets.AgreementsPerYear);
    }

    /// <summary>
    /// Schools the user sees that may lead a partnership: leader, innovation site or consulting centre in the registry, or
    /// stable high results — results in each of the last years with no share below the minimum score above the threshold.
    /// </summary>
    public async Task<IReadOnlyList<LeaderEligibility>> EligibilityAsync(bool eligibleOnly = true, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var lastYear = await db.Results.MaxAsync(r => (int?)r.Year, ct);
        var years = targets.LeaderResultYears;
        var stats = lastYear is { } last
            ? await db.Results.AsNoTracking().Where(r => r.Year > last - years)
                .GroupBy(r => r.SchoolId)
                .Select(g => new { SchoolId = g.Key, Years = g.Select(r => r.Year).Distinct().Count(), Max = g.Max(r => r.BelowMinimumShare) })
                .ToDictionaryAsync(x => x.SchoolId, ct)
            : [];
        var schools = await db.Schools.AsNoTracking().VisibleTo(scope, db)
            .Select(s => new { s.Id, s.ShortName, Municipality = s.Municipality!.Name, s.Leader, s.IsInnovationSite, s.IsConsultingCentre })
            .ToListAsync(ct);
        return schools.Select(s =>
            {
                var found = stats.TryGetValue(s.Id, out var st);
                var stable = found && st!.Years >= years && st.Max <= targets.LeaderMaxBelowMinimumShare;
                return new LeaderEligibility(s.Id, s.ShortName, s.Municipality, s.Leader, s.IsInnovationSite, s.IsConsultingCentre, stable, found ? st!.Max : null);
            })
            .Where(e => !eligibleOnly || e.IsEligible)
            .OrderBy(e => e.Municipality).ThenBy(e => e.School).ToList();
    }

    /// <summary>Schools to choose as partners: those the user sees.</summary>
    public async Task<IReadOnlyList<SchoolName>> SchoolsAsync(CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Schools.AsNoTracking().VisibleTo(scope, db).OrderBy(s => s.ShortName)
            .Select(s => new SchoolName(s.Id, s.ShortName, s.Municipality!.Name, s.MunicipalityId)).ToListAsync(ct);
    }
}
