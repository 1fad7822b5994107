using FluentAssertions;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Results;
using Xunit;
using static SchoolSupport.Tests.Identification.IdentificationData;

namespace SchoolSupport.Tests.Identification;

/// <summary>
/// A trial builds evidence text only for the schools it shows (listed, or in a baseline list); everything else the engine gives
/// must be exactly what the full computation gives.
/// </summary>
public sealed class TrialEvidenceScopeTests
{
    private static (Methodology, SchoolData[]) Region()
    {
        var methodology = Methodology(
            [new LowestQuartileForYears { Years = 3 }, new BelowMinimumAbove { ThresholdPercent = 15, Years = 2 }],
            disadvantaged: [new SocialIndexLowestQuartile(), new ResourceDeficit()],
            watch: [new NegativeDynamics { Drop = 0.1 }]);
        var random = new Random(15);
        var schools = Enumerable.Range(0, 200).Select(i =>
        {
            var school = new SchoolData();
            for (var year = 2023; year <= 2025; year++)
            {
                school.OgeMath(year, 2.5 + (random.NextDouble() * 2), belowMinimum: random.Next(0, 30));
                school.Profile(year, parentsHigherEducation: random.Next(5, 60), unemployed: random.Next(0, 20), staffing: random.Next(70, 101), vacancies: random.Next(0, 3));
            }
            if (i % 7 == 0) school.Previously(lowResults: true);
            return school;
        }).ToArray();
        return (methodology, schools);
    }

    [Fact]
    public void Lists_bands_indices_and_every_rules_outcome_are_identical_and_shown_schools_keep_their_full_evidence()
    {
        var (methodology, data) = Region();
        var schools = data.Select(d => d.Build()).ToArray();
        var shown = schools.Where((_, i) => i % 5 == 0).Select(s => s.SchoolId).ToHashSet(); // «in a baseline list»

        var full = IdentificationEngine.Compute(methodology, 2025, schools);
        var scoped = IdentificationEngine.Compute(methodology, 2025, schools, evidenceFor: shown.Contains);

        full.Schools.Count(s => s.IsListed).Should().BeGreaterThan(10, "the region must list some schools for the comparison to mean anything");
        full.Schools.Count(s => s.IsListed).Should().BeLessThan(schools.Length);
        scoped.Schools.Should().HaveCount(full.Schools.Count);
        for (var i = 0; i < full.Schools.Count; i++)
        {
            var a = full.Schools[i];
            var b = scoped.Schools[i];
            b.Should().BeEquivalentTo(a, o => o.Excluding(s => s.Evidence));
            b.Evidence.Select(e => (e.RuleCode, e.Group, e.Description, e.Fired)).Should().Equal(a.Evidence.Select(e => (e.RuleCode, e.Group, e.Description, e.Fired)));
            if (a.IsListed || shown.Contains(a.SchoolId))
            {
                b.Evidence.Should().Equal(a.Evidence, "a school the trial shows keeps its evidence word for word");
                b.Evidence.Should().OnlyContain(e => e.Details.Length > 0);
            }
            else
            {
                b.Evidence.Should().OnlyContain(e => e.Details == "", "no text is built for a school the trial does not show");
            }
        }
        scoped.ResultsCuts.Should().BeEquivalentTo(full.ResultsCuts);
        scoped.SocialCuts.Should().Be(full.SocialCuts);
    }

    [Fact]
    public void Sensitivity_counts_equal_full_computations_at_each_value()
    {
        var (methodology, data) = Region();
        var schools = data.Select(d => d.Build()).ToArray();
        var key = Sensitivity.ParametersOf(methodology).First(p => p.Key == "low:1:threshold").Key;
        var values = new[] { 5.0, 10, 15, 20, 25 };

        var points = Sensitivity.Compute(methodology, 2025, schools, key, values);

        for (var i = 0; i < values.Length; i++)
        {
            var full = IdentificationEngine.Compute(Sensitivity.With(methodology, key, values[i]), 2025, schools);
            points[i].Listed.Should().Be(full.Schools.Count(s => s.IsListed));
            points[i].Watch.Should().Be(full.Schools.Count(s => s.Watch));
        }
    }
}
