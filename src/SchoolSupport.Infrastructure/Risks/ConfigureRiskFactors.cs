using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Risks;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;
using SchoolSupport.Domain.Resources;

namespace SchoolSupport.Infrastructure.Risks;

public sealed record RiskFactorEdit(Guid Id, uint Version, string Title, decimal MediumFrom, decimal HighFrom);

public sealed record RiskQuestionEdit(Guid? Id, uint Version, Guid FactorId, RespondentGroup Group, string Text, decimal Weight, bool RiskWhenHigh);

/// <summary>
/// The region's risk factors per school year, their questionnaires and the risk settings (key-risk limit, review and
/// decision dates). A year's set is written on first use: a copy of the latest earlier year, else the ten federal defaults.
/// Regional staff edit them; everyone in the region reads them.
/// </summary>
public sealed class ConfigureRiskFactors(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    private static string Stale => InfraText.Risk_SettingsStale;

    public static bool CanEdit(UserScope scope) => scope.IsRegional;

    public async Task<IReadOnlyList<RiskFactor>> FactorsAsync(int year, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await EnsureFactorsAsync(db, scope.RegionId, year, ct);
    }

    public async Task<RiskSettings> SettingsAsync(CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await SettingsOfAsync(db, scope.RegionId, ct);
    }

    public async Task<uint> SaveFactorAsync(RiskFactorEdit edit, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Admin, Roles.Ministry, Roles.Operator);
        var refusals = RiskFactor.CheckThresholds(edit.MediumFrom, edit.HighFrom).ToList();
        if (string.IsNullOrWhiteSpace(edit.Title) || edit.Title.Trim().Length > 300) refusals.Add(InfraText.Risk_FactorTitleLength);
        DomainException.ThrowIfAny(refusals);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var factor = await db.RiskFactors.FirstOrDefaultAsync(f => f.Id == edit.Id, ct) ?? throw new ScopeException(InfraText.Risk_FactorNotFound);
        db.Entry(factor).Property(f => f.Version).OriginalValue = edit.Version;
        factor.Title = edit.Title.Trim();
        factor.MediumFrom = edit.MediumFrom;
        factor.HighFrom = edit.HighFrom;
        db.Record(scope, "risk-factor.save", "risk-factor", factor.Id, $"{factor.Year}: {factor.Title} ({factor.MediumFrom}/{factor.HighFrom})", clock);
        await db.SaveOrRefuseStaleAsync(Stale, ct);
        return factor.Version;
    }

    public async Task<Guid> SaveQuestionAsync(RiskQuestionEdit edit, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Admin, Roles.Ministry, Roles.Operator);
        var refusals = new List<string>();
        if (string.IsNullOrWhiteSpace(edit.Text) || edit.Text.Trim().Length > 1000) refusals.Add(InfraText.Risk_QuestionTextLength);
        if (edit.Weight is < 0 or > 100) refusals.Add(InfraText.Risk_QuestionWeightRange);
        if (!Enum.IsDefined(edit.Group)) refusals.Add(InfraText.Risk_UnknownRespondentGroup);
        DomainException.ThrowIfAny(refusals);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var factor = await db.RiskFactors.Include(f => f.Questions).FirstOrDefaultAsync(f => f.Id == edit.FactorId, ct)
            ?? throw new DomainException(DomainText.Risk_UnknownFactor);
        RiskQuestion question;
        if (edit.Id is { } id)
        {
            question = factor.Questions.FirstOrDefault(q => q.Id == id) ?? throw new ScopeException(InfraText.Risk_QuestionNotFound);
            db.Entry(question).Property(q => q.Version).OriginalValue = edit.Version;
        }
        else
        {
            question = new RiskQuestion { Id = Guid.NewGuid(), RegionId = factor.RegionId, FactorId = factor.Id, Order = factor.Questions.Count + 1 };
            db.RiskQuestions.Add(question);
        }
        question.Group = edit.Group;
        question.Text = edit.Text.Trim();
        question.Weight = edit.Weight;
        question.RiskWhenHigh = edit.RiskWhenHigh;
        db.Record(scope, "risk-question.save", "risk-factor", factor.Id, question.Text, clock);
        await db.SaveOrRefuseStaleAsync(Stale, ct);
        return question.Id;
    }

    public async Task<uint> SaveSettingsAsync(RiskSettings edit, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Admin, Roles.Ministry, Roles.Operator);
        DomainException.ThrowIfAny(edit.Check().ToList());
        await using var db = await dbs.CreateDbContextAsync(ct);
        var settings = await db.RiskSettings.FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new RiskSettings { RegionId = scope.RegionId };
            db.RiskSettings.Add(settings);
        }
        else
        {
            db.Entry(settings).Property(s => s.Version).OriginalValue = edit.Version;
        }
        settings.KeyRiskLimit = edit.KeyRiskLimit;
        (settings.FirstReviewMonth, settings.FirstReviewDay) = (edit.FirstReviewMonth, edit.FirstReviewDay);
        (settings.SecondReviewMonth, settings.SecondReviewDay) = (edit.SecondReviewMonth, edit.SecondReviewDay);
        (settings.DecisionsMonth, settings.DecisionsDay) = (edit.DecisionsMonth, edit.DecisionsDay);
        db.Record(scope, "risk-settings.save", "risk-settings", scope.RegionId, InfraFormat.Of(InfraText.Risk_KeyRisksCount, settings.KeyRiskLimit), clock);
        await db.SaveOrRefuseStaleAsync(Stale, ct);
        return settings.Version;
    }

    /// <summary>The region's settings, or the defaults while none are saved.</summary>
    internal static async Task<RiskSettings> SettingsOfAsync(AppDbContext db, Guid regionId, CancellationToken ct) =>
        await db.RiskSettings.AsNoTracking().FirstOrDefaultAsync(ct) ?? new RiskSettings { RegionId = regionId };

    /// <summary>The year's factors with their questions; written on first use.</summary>
    internal static async Task<List<RiskFactor>> EnsureFactorsAsync(AppDbContext db, Guid regionId, int year, CancellationToken ct)
    {
        var factors = await LoadAsync(db, year, ct);
        if (factors.Count > 0) return factors;
        var latest = await db.RiskFactors.Where(f => f.Year < year).MaxAsync(f => (int?)f.Year, ct);
        var set = latest is { } earlier ? DefaultRiskFactors.CopyFor(await LoadAsync(db, earlier, ct), year) : DefaultRiskFactors.For(regionId, year);
        db.RiskFactors.AddRange(set);
        if (await db.TrySaveUniqueAsync(ct)) return await LoadAsync(db, year, ct);
        // Another first reader wrote the year's set at the same moment: theirs is the region's.
        db.ChangeTracker.Clear();
        return await LoadAsync(db, year, ct);
    }

    private static async Task<List<RiskFactor>> LoadAsync(AppDbContext db, int year, CancellationToken ct)
    {
        var factors = await db.RiskFactors.AsNoTracking().Include(f => f.Questions).Where(f => f.Year == year).OrderBy(f => f.Order).ToListAsync(ct);
        foreach (var f in factors) f.Questions = [.. f.Questions.OrderBy(q => q.Group).ThenBy(q => q.Order)];
        return factors;
    }
}
