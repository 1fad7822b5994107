using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Results;

namespace SchoolSupport.Tests.Identification;

/// <summary>
/// The form editor works on the methodology record itself; the JSON an expert edits is its import/export. Form → JSON → form gives the
/// same methodology, for every rule kind, and JSON that cannot be read is refused in Russian.
/// </summary>
public sealed class MethodologyFormTests
{
    private static Methodology EveryRuleKind()
    {
        var kirov = DefaultMethodologies.Kirov(2025);
        return kirov with
        {
            Indicators = [.. kirov.Indicators, new IndicatorDefinition { Id = "olymp", Title = "Олимпиады", Source = new ProfileSource(ProfileMeasure.OlympiadShare), Weight = 0.5 }],
            SocialIndex = kirov.SocialIndex with { Mode = SocialIndexMode.FittedByRegression },
            Rules = kirov.Rules with
            {
                LowResultsCombination = RuleCombination.All,
                LowResults =
                [
                    .. kirov.Rules.LowResults,
                    new ProcedureShareAbove { Procedures = [new(AssessmentKind.Vpr, 5, Subject.Mathematics), new(AssessmentKind.Oge, null, Subject.Russian)], MinProcedures = 2, Years = 2, SameProcedure = true, Comparison = ThresholdComparison.AtLeast },
                    new LowOlympiadParticipation { ThresholdPercent = 12, Comparison = LowComparison.AtMost },
                    new LowProgressionToGrade10 { ThresholdPercent = 35, Years = 2 },
                ],
                Disadvantaged = [new SocialIndexLowestQuartile { Percentile = 10 }, new ResourceDeficit { MaxStaffingPercent = 75, MinVacancies = 4 }],
                Watch = [new NegativeDynamics { Drop = 0.2 }],
                Matrix = new MatrixThresholds { ResultsPercentile = 30, SocialPercentile = 20 },
            },
        };
    }

    [Fact]
    public void Form_to_json_to_form_gives_the_same_methodology_for_every_rule_kind()
    {
        var form = EveryRuleKind();
        form.Validate().Should().BeEmpty();
        var back = MethodologyJson.Parse(MethodologyJson.Indented(form));
        back.Should().BeEquivalentTo(form, o => o.RespectingRuntimeTypes());
        MethodologyJson.Serialize(back).Should().Be(MethodologyJson.Serialize(form));
        back.Rules.All.Select(r => r.Description).Should().Equal(form.Rules.All.Select(r => r.Description));
    }

    [Fact]
    public void Unreadable_json_is_refused_in_russian_and_the_description_is_not_read_from_json()
    {
        var parse = () => MethodologyJson.Parse("{ \"name\": ");
        parse.Should().Throw<DomainException>().Which.Message.Should().StartWith("JSON методики не читается");
        var json = MethodologyJson.Serialize(EveryRuleKind());
        var edited = MethodologyJson.Parse(json.Replace("ИСБ ниже 10-го процентиля", "что-то другое"));
        edited.Rules.Disadvantaged[0].Description.Should().Be("ИСБ ниже 10-го процентиля", "the description is generated from the parameters, never read");
    }
}
