using System.Text.Json;
using System.Text.Json.Nodes;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Results;

namespace SchoolSupport.Tests.Identification;

public sealed class MethodologyTests
{
    [Fact]
    public void Default_methodologies_are_valid()
    {
        DefaultMethodologies.Kirov(2025).Validate().Should().BeEmpty();
        DefaultMethodologies.Zernograd(2025).Validate().Should().BeEmpty();
    }

    [Fact]
    public void Look_back_is_the_longest_rule_and_two_years_for_negative_dynamics()
    {
        DefaultMethodologies.Kirov(2025).YearsOfResults.Should().Be(3);
        IdentificationData.Methodology([new LowestQuartileForYears { Years = 1 }]).YearsOfResults.Should().Be(1);
        IdentificationData.Methodology([new LowestQuartileForYears { Years = 1 }], watch: [new NegativeDynamics()])
            .YearsOfResults.Should().Be(2);
    }

    [Fact]
    public void A_methodology_needs_at_least_one_indicator()
    {
        var methodology = IdentificationData.Methodology([new LowestQuartileForYears()], indicators: []);
        methodology.Validate().Should().Equal("Нужен хотя бы один показатель ИОР.");
    }

    [Fact]
    public void Indicator_weights_must_be_positive()
    {
        var methodology = IdentificationData.Methodology(
            [new LowestQuartileForYears()],
            indicators: [IdentificationData.OgeMathMean with { Weight = 0 }]);
        methodology.Validate().Should().Equal("Вес показателя «oge-math-mean» должен быть положительным числом.");
    }

    [Fact]
    public void Indicator_codes_must_be_unique_and_titles_present()
    {
        var methodology = IdentificationData.Methodology(
            [new LowestQuartileForYears()],
            indicators: [IdentificationData.OgeMathMean, IdentificationData.OgeMathMean with { Title = " " }]);
        methodology.Validate().Should().Equal(
            "Код показателя «oge-math-mean» повторяется.",
            "У показателя «oge-math-mean» не указано название.");
    }

    [Fact]
    public void Rule_years_must_be_from_one_to_five()
    {
        var methodology = IdentificationData.Methodology([new LowestQuartileForYears { Years = 6 }, new BelowMinimumAbove { Years = 0 }]);
        methodology.Validate().Should().Equal(
            "Число лет в правиле «LowestQuartile» должно быть от 1 до 5.",
            "Число лет в правиле «BelowMinimum» должно быть от 1 до 5.");
    }

    [Fact]
    public void Below_minimum_threshold_must_be_a_percentage_and_name_assessments_and_subjects()
    {
        var methodology = IdentificationData.Methodology(
            [new BelowMinimumAbove { ThresholdPercent = 120, Kinds = [], Subjects = [] }]);
        methodology.Validate().Should().Equal(
            "Порог в правиле «BelowMinimum» должен быть от 0 до 100 %.",
            "В правиле «BelowMinimum» не выбраны оценочные процедуры.",
            "В правиле «BelowMinimum» не выбраны предметы.");
    }

    [Fact]
    public void Low_results_need_at_least_one_rule()
    {
        IdentificationData.Methodology([]).Validate().Should().Equal("Нужно хотя бы одно правило отнесения к ШНОР.");
    }

    [Fact]
    public void Rule_codes_must_be_unique()
    {
        var methodology = IdentificationData.Methodology(
            [new LowestQuartileForYears(), new LowestQuartileForYears { Years = 1 }]);
        methodology.Validate().Should().Equal("Код правила «LowestQuartile» повторяется.");
    }

    [Fact]
    public void Resource_deficit_and_negative_dynamics_thresholds_are_checked()
    {
        var methodology = IdentificationData.Methodology(
            [new LowestQuartileForYears()],
            disadvantaged: [new ResourceDeficit { MaxStaffingPercent = -1, MinVacancies = 0 }],
            watch: [new NegativeDynamics { Drop = 0 }]);
        methodology.Validate().Should().Equal(
            "Порог укомплектованности в правиле «ResourceDeficit» должен быть от 0 до 100 %.",
            "Число вакансий в правиле «ResourceDeficit» должно быть не меньше 1.",
            "Снижение ИОР в правиле «NegativeDynamics» должно быть больше 0 и не больше 1.");
    }

    [Fact]
    public void Social_index_needs_inputs_and_entered_weights_must_not_be_zero()
    {
        var noInputs = IdentificationData.Methodology(
            [new LowestQuartileForYears()], social: new SocialIndexDefinition { Inputs = [] });
        noInputs.Validate().Should().Equal("Нужен хотя бы один показатель ИСБ.");

        var zeroWeight = IdentificationData.Methodology(
            [new LowestQuartileForYears()],
            social: new SocialIndexDefinition { Inputs = [new SocialInput(ProfileMeasure.UnemployedParentsShare, 0)] });
        zeroWeight.Validate().Should().Equal(
            "Вес показателя ИСБ «доля обучающихся из семей с безработными родителями, %» не может быть нулевым.");

        // In regression mode the entered weights are only a fallback, so zero is allowed.
        (zeroWeight with { SocialIndex = zeroWeight.SocialIndex with { Mode = SocialIndexMode.FittedByRegression } })
            .Validate().Should().BeEmpty();
    }

    [Fact]
    public void Matrix_thresholds_must_be_percentiles_strictly_between_0_and_100()
    {
        var methodology = IdentificationData.Methodology([new LowestQuartileForYears()]);
        methodology = methodology with
        {
            Rules = methodology.Rules with { Matrix = new MatrixThresholds { ResultsPercentile = 0, SocialPercentile = 100 } },
        };
        methodology.Validate().Should().Equal(
            "Граница матрицы по ИОР должна быть процентилем больше 0 и меньше 100.",
            "Граница матрицы по ИСБ должна быть процентилем больше 0 и меньше 100.");
    }

    [Fact]
    public void An_invalid_methodology_is_refused_by_the_engine_with_its_messages()
    {
        var methodology = IdentificationData.Methodology([new LowestQuartileForYears { Years = 9 }]);
        var compute = () => IdentificationEngine.Compute(methodology, 2025, []);
        compute.Should().Throw<DomainException>().WithMessage("*Число лет в правиле «LowestQuartile» должно быть от 1 до 5.*");
    }

    [Fact]
    public void Methodology_survives_a_json_round_trip()
    {
        var original = DefaultMethodologies.Kirov(2025);

        var json = MethodologyJson.Serialize(original);
        var restored = MethodologyJson.Deserialize(json);

        restored.Should().BeEquivalentTo(original, o => o.ComparingRecordsByMembers().RespectingRuntimeTypes());
        MethodologyJson.Serialize(restored).Should().Be(json);
        json.Should().Contain("\"ОГЭ, математика: средний балл\"", "titles are stored readable, not escaped")
            .And.Contain("\"kind\":\"Oge\"", "enums are stored by name");
    }

    [Fact]
    public void Methodology_survives_jsonb_reordering_its_keys()
    {
        // PostgreSQL jsonb returns object keys ordered by length, then bytes, so "$type" may come after "code".
        var original = DefaultMethodologies.Zernograd(2025);
        var reordered = ReorderLikeJsonb(JsonNode.Parse(MethodologyJson.Serialize(original))!).ToJsonString();
        reordered.Should().Contain("{\"code\":\"LowestQuartile\",\"$type\"", "the test must really move the discriminator");

        var restored = MethodologyJson.Deserialize(reordered);

        restored.Should().BeEquivalentTo(original, o => o.ComparingRecordsByMembers().RespectingRuntimeTypes());
    }

    [Fact]
    public void Rule_descriptions_state_their_parameters_in_russian()
    {
        new LowestQuartileForYears { Years = 3 }.Description.Should().Be("ИОР в нижнем квартиле в каждом из последних 3 лет");
        new BelowMinimumAbove { Kinds = [AssessmentKind.Oge, AssessmentKind.Ege], ThresholdPercent = 12.5, Years = 3 }
            .Description.Should().Be(
                "доля не достигших минимального балла (ОГЭ/ЕГЭ, русский язык или математика) выше 12,5 % в каждом из последних 3 лет");
    }

    private static JsonNode ReorderLikeJsonb(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                var sorted = new JsonObject();
                foreach (var (key, value) in obj
                    .OrderBy(p => System.Text.Encoding.UTF8.GetByteCount(p.Key))
                    .ThenBy(p => p.Key, StringComparer.Ordinal)
                    .ToList())
                {
                    obj.Remove(key);
                    sorted[key] = value is null ? null : ReorderLikeJsonb(value);
                }
                return sorted;
            case JsonArray array:
                var items = array.ToList();
                array.Clear();
                var copy = new JsonArray();
                foreach (var item in items)
                {
                    copy.Add(item is null ? null : ReorderLikeJsonb(item));
                }
                return copy;
            default:
                return node;
        }
    }

    [Fact]
    public void Json_uses_the_discriminators_for_rules_and_sources()
    {
        var json = JsonDocument.Parse(MethodologyJson.Serialize(DefaultMethodologies.Kirov(2025))).RootElement;
        json.GetProperty("indicators")[0].GetProperty("source").GetProperty("$type").GetString().Should().Be("assessment");
        json.GetProperty("rules").GetProperty("lowResults")[0].GetProperty("$type").GetString().Should().Be("belowMinimumAbove");
    }
}
