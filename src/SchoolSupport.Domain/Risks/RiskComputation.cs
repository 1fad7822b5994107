using System.Globalization;
using SchoolSupport.Domain.Resources;
namespace SchoolSupport.Domain.Risks;

/// <summary>One answer as it counts towards its factor: the share entered, the part pointing to the risk, and its weight.</summary>
public sealed record RiskContribution(Guid QuestionId, RespondentGroup Group, string Question, decimal Share, decimal RiskShare, decimal Weight);

/// <summary>A factor's score (0–100) and level, with the answers that made it so, the heaviest first; no answers means no level.</summary>
public sealed record FactorResult(Guid FactorId, string Code, string Title, decimal? Score, RiskLevel? Level, IReadOnlyList<RiskContribution> Because);

/// <summary>The risk profile computation: pure, over the year's factors and the school's answers.</summary>
public static class RiskComputation
{
    /// <summary>
    /// Score of a factor = Σ(weight × risk share) / Σ weight over its answered questions, rounded to one decimal;
    /// the level is the factor's threshold band. Unanswered questions do not count.
    /// </summary>
    public static IReadOnlyList<FactorResult> Compute(IEnumerable<RiskFactor> factors, IReadOnlyDictionary<Guid, decimal> shares)
    {
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(shares);
        return factors.OrderBy(f => f.Order).Select(factor =>
        {
            var because = factor.Questions
                .Where(q => shares.ContainsKey(q.Id) && q.Weight > 0)
                .Select(q => new RiskContribution(q.Id, q.Group, q.Text, shares[q.Id], q.RiskShare(shares[q.Id]), q.Weight))
                .OrderByDescending(c => c.RiskShare * c.Weight).ThenBy(c => c.Group)
                .ToList();
            if (because.Count == 0) return new FactorResult(factor.Id, factor.Code, factor.Title, null, null, because);
            var score = Math.Round(because.Sum(c => c.RiskShare * c.Weight) / because.Sum(c => c.Weight), 1, MidpointRounding.AwayFromZero);
            return new FactorResult(factor.Id, factor.Code, factor.Title, score, factor.LevelOf(score), because);
        }).ToList();
    }

    /// <summary>The refusals of a set of answers: unknown questions and shares outside 0–100 %.</summary>
    public static IReadOnlyList<string> CheckAnswers(IEnumerable<RiskFactor> factors, IReadOnlyDictionary<Guid, decimal> shares)
    {
        var questions = factors.SelectMany(f => f.Questions).ToDictionary(q => q.Id);
        var refusals = new List<string>();
        if (shares.Keys.Any(id => !questions.ContainsKey(id))) refusals.Add(DomainText.Risk_UnknownQuestion);
        refusals.AddRange(shares.Where(a => questions.ContainsKey(a.Key) && a.Value is < 0 or > 100)
            .OrderBy(a => questions[a.Key].Group).ThenBy(a => questions[a.Key].Order)
            .Select(a => string.Format(CultureInfo.CurrentCulture, DomainText.Risk_ShareRange, questions[a.Key].Text)));
        return refusals;
    }
}
