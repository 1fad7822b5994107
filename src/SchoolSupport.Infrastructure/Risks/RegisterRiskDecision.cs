using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Risks;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;
using SchoolSupport.Domain.Resources;

namespace SchoolSupport.Infrastructure.Risks;

/// <param name="Year">The school year whose risks the decision addresses.</param>
/// <param name="FactorCode">The risk addressed (the factor's code).</param>
/// <param name="PlanId">The anti-risk programme the decision changes, if any.</param>
/// <param name="ReviewId">The effectiveness review the decision follows, if any.</param>
public sealed record DecisionEdit(int Year, DecisionKind Kind, DecisionLevel Level, Guid? MunicipalityId, Guid? SchoolId, string FactorCode,
    string Text, string Responsible, DateOnly TakenOn, DateOnly DueDate, Guid? PlanId = null, Guid? ReviewId = null);

/// <summary>
/// Registers a management decision on a risk (seed 001: operational or strategic; at school, municipal or regional level).
/// Who decides at which level: the school team for its school, the coordinator for its municipality and its schools, the
/// ministry and operators at any level. A decision taken after the region's June deadline is registered and marked late.
/// </summary>
public sealed class RegisterRiskDecision(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public static bool CanRegister(UserScope scope) =>
        scope.IsIn(Roles.Ministry) || scope.IsIn(Roles.Operator) || scope.IsIn(Roles.Municipal) || scope.IsIn(Roles.School);

    public async Task<Guid> RegisterAsync(DecisionEdit edit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var scope = current.RequireRole(Roles.Ministry, Roles.Operator, Roles.Municipal, Roles.School);
        var refusals = new List<string>();
        if (RiskCalendar.CheckYear(edit.Year, Today) is { } wrongYear) refusals.Add(wrongYear);
        if (!Enum.IsDefined(edit.Kind) || !Enum.IsDefined(edit.Level)) refusals.Add(InfraText.Risk_DecisionKindRequired);
        refusals.AddRange(RiskDecision.Check(edit.Level, edit.MunicipalityId, edit.SchoolId, edit.TakenOn, edit.DueDate, Today));
        if (string.IsNullOrWhiteSpace(edit.Text)) refusals.Add(InfraText.Risk_DecisionTextRequired);
        else if (edit.Text.Trim().Length > 4000) refusals.Add(InfraText.Risk_DecisionTextTooLong);
        if (string.IsNullOrWhiteSpace(edit.Responsible)) refusals.Add(InfraText.Common_ResponsibleRequired);
        else if (edit.Responsible.Trim().Length > 500) refusals.Add(InfraText.Risk_DecisionResponsibleTooLong);
        DomainException.ThrowIfAny(refusals);

        await using var db = await dbs.CreateDbContextAsync(ct);
        var municipalityId = await CheckLevelAsync(db, scope, edit, ct);
        var factors = await ConfigureRiskFactors.EnsureFactorsAsync(db, scope.RegionId, edit.Year, ct);
        if (factors.All(f => f.Code != edit.FactorCode)) refusals.Add(DomainText.Risk_UnknownFactor);
        if (edit.PlanId is { } planId && !await db.Plans.VisibleTo(scope, db)
                .AnyAsync(p => p.Id == planId && p.Kind == PlanKind.AntiRiskProgramme && p.SchoolId == edit.SchoolId, ct))
        {
            refusals.Add(InfraText.Risk_DecisionProgrammeNotFound);
        }
        if (edit.ReviewId is { } reviewId && !await db.EffectivenessReviews.VisibleTo(scope, db).AnyAsync(r => r.Id == reviewId && r.SchoolId == edit.SchoolId, ct))
        {
            refusals.Add(InfraText.Risk_DecisionReviewNotFound);
        }
        DomainException.ThrowIfAny(refusals);

        var settings = await ConfigureRiskFactors.SettingsOfAsync(db, scope.RegionId, ct);
        var decision = new RiskDecision
        {
            Id = Guid.NewGuid(), RegionId = scope.RegionId, Year = edit.Year, Kind = edit.Kind, Level = edit.Level,
            MunicipalityId = municipalityId, SchoolId = edit.Level == DecisionLevel.School ? edit.SchoolId : null, FactorCode = edit.FactorCode,
            Text = edit.Text.Trim(), Responsible = edit.Responsible.Trim(), TakenOn = edit.TakenOn, DueDate = edit.DueDate,
            Deadline = settings.DecisionsDue(edit.Year), PlanId = edit.PlanId, ReviewId = edit.ReviewId,
            RegisteredBy = scope.UserName, RegisteredAt = clock.GetUtcNow(),
        };
        db.RiskDecisions.Add(decision);
        db.Record(scope, "risk-decision.register", "risk-decision", decision.Id, decision.Text, clock);
        await db.SaveChangesAsync(ct);
        return decision.Id;
    }

    /// <summary>The municipality the decision belongs to, or a refusal when the level is beyond the user's scope.</summary>
    private static async Task<Guid?> CheckLevelAsync(AppDbContext db, UserScope scope, DecisionEdit edit, CancellationToken ct)
    {
        switch (edit.Level)
        {
            case DecisionLevel.School:
                var school = await db.Schools.VisibleTo(scope, db).Where(s => s.Id == edit.SchoolId).Select(s => (Guid?)s.MunicipalityId).FirstOrDefaultAsync(ct);
                if (school is null || scope.IsIn(Roles.Mentor) && !scope.IsRegional) throw new ScopeException(InfraText.Common_SchoolNotFound);
                return school;
            case DecisionLevel.Municipality:
                if (scope.SchoolId is not null || !Visibility.CanSeeMunicipality(scope, edit.MunicipalityId!.Value)
                    || !await db.Municipalities.AnyAsync(m => m.Id == edit.MunicipalityId, ct))
                {
                    throw new ScopeException(InfraText.Risk_MunicipalDecisionLevel);
                }
                return edit.MunicipalityId;
            default:
                if (!scope.IsRegional) throw new ScopeException(InfraText.Risk_RegionalDecisionLevel);
                return null;
        }
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
