using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Risks;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Risks;

/// <param name="Findings">What was found about each key risk of the school, by factor id.</param>
public sealed record ReviewEdit(Guid SchoolId, int Year, int HalfYear, DateOnly Date, ReviewDecision Decision, string Summary,
    IReadOnlyDictionary<Guid, string> Findings, uint Version = 0);

/// <summary>
/// The municipal coordinator records the effectiveness review of a school of its municipality for a half-year: findings for
/// every key risk of the school's profile and a decision. The due date is the region's; a review after it is marked late.
/// Recording the same half-year again corrects the review.
/// </summary>
public sealed class RecordEffectivenessReview(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    private static string Stale => InfraText.Risk_ReviewStale;

    public static bool CanRecord(UserScope scope) => scope.IsIn(Roles.Municipal) && scope.SchoolId is null && scope.MunicipalityId is not null;

    public async Task<Guid> RecordAsync(ReviewEdit edit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var scope = current.RequireRole(Roles.Municipal);
        if (!CanRecord(scope)) throw new ScopeException(InfraText.Risk_ReviewOnlyCoordinator);
        var refusals = new List<string>();
        if (RiskCalendar.CheckYear(edit.Year, Today) is { } wrongYear) refusals.Add(wrongYear);
        refusals.AddRange(EffectivenessReview.Check(edit.Year, edit.HalfYear, edit.Date, Today));
        if (!Enum.IsDefined(edit.Decision)) refusals.Add(InfraText.Risk_ReviewDecisionRequired);
        if (string.IsNullOrWhiteSpace(edit.Summary)) refusals.Add(InfraText.Risk_ReviewConclusionRequired);
        else if (edit.Summary.Trim().Length > 4000) refusals.Add(InfraText.Risk_ReviewConclusionTooLong);
        DomainException.ThrowIfAny(refusals);

        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await Visibility.CanSeeSchoolAsync(db, scope, edit.SchoolId, ct)) throw new ScopeException(InfraText.Common_SchoolNotFound);
        var keyRisks = await db.RiskProfiles.VisibleTo(scope, db).Where(p => p.SchoolId == edit.SchoolId && p.Year == edit.Year)
            .SelectMany(p => p.KeyRisks).Join(db.RiskFactors, k => k.FactorId, f => f.Id, (k, f) => new { f.Id, f.Title }).ToListAsync(ct);
        if (edit.Findings.Keys.Any(id => keyRisks.All(k => k.Id != id))) refusals.Add(InfraText.Risk_ReviewUnknownFactor);
        refusals.AddRange(keyRisks.Where(k => string.IsNullOrWhiteSpace(edit.Findings.GetValueOrDefault(k.Id))).Select(k => InfraFormat.Of(InfraText.Risk_ReviewFindingRequired, k.Title)));
        refusals.AddRange(edit.Findings.Where(f => f.Value?.Trim().Length > 4000).Select(_ => InfraText.Risk_ReviewFindingTooLong));
        DomainException.ThrowIfAny(refusals);

        var settings = await ConfigureRiskFactors.SettingsOfAsync(db, scope.RegionId, ct);
        var review = await db.EffectivenessReviews.VisibleTo(scope, db).Include(r => r.Findings)
            .FirstOrDefaultAsync(r => r.SchoolId == edit.SchoolId && r.Year == edit.Year && r.HalfYear == edit.HalfYear, ct);
        if (review is null)
        {
            review = new EffectivenessReview { Id = Guid.NewGuid(), RegionId = scope.RegionId, SchoolId = edit.SchoolId, Year = edit.Year, HalfYear = edit.HalfYear };
            db.EffectivenessReviews.Add(review);
        }
        else
        {
            StaleEdits.RefuseIfStale(review.Version, edit.Version, Stale);
            db.Entry(review).Property(r => r.Version).OriginalValue = edit.Version;
            db.ReviewFindings.RemoveRange(review.Findings.Where(f => !edit.Findings.ContainsKey(f.FactorId)));
        }
        foreach (var (factorId, text) in edit.Findings)
        {
            var finding = review.Findings.FirstOrDefault(f => f.FactorId == factorId);
            if (finding is null) db.ReviewFindings.Add(new ReviewFinding { ReviewId = review.Id, FactorId = factorId, RegionId = scope.RegionId, Text = text.Trim() });
            else finding.Text = text.Trim();
        }
        review.Date = edit.Date;
        review.Due = settings.ReviewDue(edit.Year, edit.HalfYear);
        review.Decision = edit.Decision;
        review.Summary = edit.Summary.Trim();
        review.ReviewerName = scope.UserName;
        review.RecordedAt = clock.GetUtcNow();
        db.Record(scope, "risk-review.save", "school", edit.SchoolId,
            $"{RiskCalendar.YearTitle(edit.Year)}, {Titles.HalfYear(edit.HalfYear)}: {Titles.Of(edit.Decision)}", clock);
        if (!await db.TrySaveUniqueAsync(ct).OrRefuseStaleAsync(Stale)) throw new StaleEditException(Stale);
        return review.Id;
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
