using System.Globalization;
using SchoolSupport.Domain.Resources;
using SchoolSupport.Domain.Schools;

namespace SchoolSupport.Domain.Identification;

/// <summary>
/// Computes the draft list for a region and year: ИОР per year with quartiles, ИСБ with quartiles, the matrix,
/// the rules with their evidence, and the flags relative to last year's list. Pure: everything comes in as
/// arguments. Cost is linear in the number of result rows (one pass per school and a sort per year).
/// </summary>
public static class IdentificationEngine
{
    /// <param name="methodology">A valid methodology; an invalid one throws <see cref="Common.DomainException"/>.</param>
    /// <param name="year">The identification year; results are read for the methodology's look-back ending with it.</param>
    /// <param name="schools">All schools of the region: quartiles and normalisation are relative to them.</param>
    /// <param name="evidenceFor">
    /// Null (the real run): every school gets its evidence text. Otherwise only the listed schools and those this says yes to
    /// get it; the others get each rule's outcome with empty details — the lists, bands and listed schools' evidence are the same.
    /// Building the text is most of the engine's time in a large region, and a trial shows only the schools it compares.
    /// </param>
    public static IdentificationResult Compute(Methodology methodology, int year, IReadOnlyList<SchoolInput> schools, Func<Guid, bool>? evidenceFor = null)
    {
        ArgumentNullException.ThrowIfNull(methodology);
        ArgumentNullException.ThrowIfNull(schools);
        methodology.EnsureValid();

        var span = methodology.YearsOfResults;
        var firstYear = year - span + 1;
        var values = ResultsIndex.ValuesByYear(methodology.Indicators, firstYear, span, schools);
        var index = new double[span][];
        var cuts = new QuartileCuts?[span];
        double[] sortedCurrent = [];
        for (var y = 0; y < span; y++)
        {
            index[y] = ResultsIndex.Compute(methodology.Indicators, values[y]);
            var sorted = Percentiles.SortedFinite(index[y]);
            cuts[y] = QuartileCuts.FromSorted(sorted);
            sortedCurrent = sorted;
        }
        var currentIndex = index[span - 1];

        var warnings = new List<string>();
        var profiles = new SchoolYearProfile?[schools.Count];
        for (var s = 0; s < schools.Count; s++)
        {
            profiles[s] = schools[s].ProfileFor(year);
        }
        var (socialWeights, fit) = SocialWeights(methodology.SocialIndex, profiles, currentIndex, warnings);
        var measures = methodology.SocialIndex.Inputs.Select(i => i.Measure).ToArray();
        var social = new double[schools.Count];
        for (var s = 0; s < schools.Count; s++)
        {
            social[s] = profiles[s] is { } profile
                ? SocialWellbeingIndex.Compute(profile, measures, socialWeights)
                : double.NaN;
        }
        var sortedSocial = Percentiles.SortedFinite(social);
        var socialCuts = QuartileCuts.FromSorted(sortedSocial);

        var matrix = methodology.Rules.Matrix;
        double? resultsMatrixCut = sortedCurrent.Length > 0 ? Percentiles.Inclusive(sortedCurrent, matrix.ResultsPercentile / 100) : null;
        double? socialMatrixCut = sortedSocial.Length > 0 ? Percentiles.Inclusive(sortedSocial, matrix.SocialPercentile / 100) : null;

        var context = new EvaluationContext(year, firstYear, index, cuts, social, socialCuts, profiles);
        var evaluators = methodology.Rules.All.Select(rule => RuleEvaluator.For(rule, context)).ToArray();

        var outcomes = new SchoolIdentification[schools.Count];
        for (var s = 0; s < schools.Count; s++)
        {
            var school = schools[s];
            var evidence = new RuleEvidence[evaluators.Length];
            bool disadvantaged = false, watchFired = false;
            int lowRules = 0, lowFired = 0;
            var details = evidenceFor is null;
            for (var r = 0; r < evaluators.Length; r++)
            {
                var found = evaluators[r].Evaluate(s, school, details);
                evidence[r] = found;
                if (found.Group == RuleGroup.LowResults) lowRules++;
                if (found.Fired)
                {
                    switch (found.Group)
                    {
                        case RuleGroup.LowResults: lowFired++; break;
                        case RuleGroup.Disadvantaged: disadvantaged = true; break;
                        case RuleGroup.Watch: watchFired = true; break;
                    }
                }
            }
            var lowResults = methodology.Rules.LowResultsCombination == RuleCombination.All ? lowRules > 0 && lowFired == lowRules : lowFired > 0;
            var listed = lowResults || disadvantaged;
            if (!details && (listed || evidenceFor!(school.SchoolId)))
            {
                for (var r = 0; r < evaluators.Length; r++)
                {
                    evidence[r] = evaluators[r].Evaluate(s, school, details: true);
                }
            }
            var listedBefore = school.Previous?.IsListed == true;

            var byYear = new YearlyResultsIndex[span];
            for (var y = 0; y < span; y++)
            {
                var value = index[y][s];
                byYear[y] = double.IsFinite(value)
                    ? new YearlyResultsIndex(firstYear + y, value, cuts[y]!.BandOf(value))
                    : new YearlyResultsIndex(firstYear + y, null, null);
            }
            var resultsIndex = currentIndex[s];
            var socialIndex = social[s];
            MatrixCell? cell = double.IsFinite(resultsIndex) && double.IsFinite(socialIndex)
                ? Cell(resultsIndex < resultsMatrixCut!.Value, socialIndex < socialMatrixCut!.Value)
                : null;

            outcomes[s] = new SchoolIdentification
            {
                SchoolId = school.SchoolId,
                ResultsIndexByYear = byYear,
                ResultsIndex = byYear[^1].Value,
                Band = byYear[^1].Band,
                SocialIndex = double.IsFinite(socialIndex) ? socialIndex : null,
                SocialBand = double.IsFinite(socialIndex) ? socialCuts!.BandOf(socialIndex) : null,
                Cell = cell,
                LowResults = lowResults,
                Disadvantaged = disadvantaged,
                Watch = watchFired && !listed,
                SecondConsecutiveYear = ListingContinuity.Of(listedBefore, listed).SecondConsecutiveYear,
                Exited = ListingContinuity.Of(listedBefore, listed).Exited,
                Evidence = evidence,
            };
        }

        return new IdentificationResult
        {
            Year = year,
            MethodologyName = methodology.Name,
            MethodologyVersion = methodology.Version,
            ResultsCuts = cuts.Select((c, y) => new YearlyCuts(firstYear + y, c)).ToArray(),
            SocialCuts = socialCuts,
            ResultsMatrixCut = resultsMatrixCut,
            SocialMatrixCut = socialMatrixCut,
            SocialWeights = socialWeights,
            SocialFit = fit,
            Schools = outcomes,
            Warnings = warnings,
        };
    }

    public static MatrixCell Cell(bool lowResults, bool lowSocial) => (lowResults, lowSocial) switch
    {
        (true, true) => MatrixCell.LowLow,
        (true, false) => MatrixCell.Ineffective,
        (false, true) => MatrixCell.Resilient,
        (false, false) => MatrixCell.Normal,
    };

    /// <summary>
    /// Entered weights, or in FittedByRegression mode the coefficients of ИОР (identification year) regressed on the
    /// inputs over the schools that have both; the entered weights stay as the fallback.
    /// </summary>
    private static (double[] Weights, RegressionFit? Fit) SocialWeights(
        SocialIndexDefinition definition,
        SchoolYearProfile?[] profiles,
        double[] resultsIndex,
        List<string> warnings)
    {
        var entered = definition.Inputs.Select(i => i.Weight).ToArray();
        if (definition.Mode != SocialIndexMode.FittedByRegression)
        {
            return (entered, null);
        }
        var x = new List<double[]>();
        var y = new List<double>();
        for (var s = 0; s < profiles.Length; s++)
        {
            if (profiles[s] is not { } profile || !double.IsFinite(resultsIndex[s]))
            {
                continue;
            }
            var row = new double[definition.Inputs.Count];
            for (var j = 0; j < row.Length; j++)
            {
                row[j] = profile.Value(definition.Inputs[j].Measure);
            }
            x.Add(row);
            y.Add(resultsIndex[s]);
        }
        // One observation more than the parameters, so that the fit is not exact by construction.
        var needed = definition.Inputs.Count + 2;
        if (x.Count < needed)
        {
            warnings.Add(string.Format(CultureInfo.CurrentCulture, DomainText.Identification_WeightsTooFewSchools, x.Count, needed));
            return (entered, null);
        }
        if (!LeastSquares.TryFit(x, y, out var fit))
        {
            warnings.Add(DomainText.Identification_WeightsDegenerate);
            return (entered, null);
        }
        return (fit.Weights.ToArray(), fit);
    }
}
