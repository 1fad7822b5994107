using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Risks;

namespace SchoolSupport.Tests.Risks;

/// <summary>The risk rules on their own, without a database: levels, the key-risk limit, the half-year calendar and the June deadline.</summary>
public sealed class RiskRulesTests
{
    private static RiskQuestion Question(RiskFactor factor, RespondentGroup group, decimal weight = 1, bool riskWhenHigh = true) =>
        new() { Id = Guid.NewGuid(), FactorId = factor.Id, Group = group, Text = $"{factor.Code} {group}", Weight = weight, RiskWhenHigh = riskWhenHigh };

    private static RiskFactor Factor(string code, int order)
    {
        var factor = new RiskFactor { Id = Guid.NewGuid(), Code = code, Order = order, Title = code, MediumFrom = 30, HighFrom = 60 };
        return factor;
    }

    [Fact]
    public void Levels_are_the_weighted_risk_shares_cut_by_the_thresholds_with_the_answers_behind_them()
    {
        var a = Factor("a", 1);
        var a1 = Question(a, RespondentGroup.Director);
        var a2 = Question(a, RespondentGroup.Teachers, riskWhenHigh: false);
        a.Questions = [a1, a2];
        var b = Factor("b", 2);
        var b1 = Question(b, RespondentGroup.Pupils, weight: 2);
        var b2 = Question(b, RespondentGroup.Parents, riskWhenHigh: false);
        b.Questions = [b1, b2];
        var c = Factor("c", 3);
        var c1 = Question(c, RespondentGroup.Director);
        var c2 = Question(c, RespondentGroup.Teachers);
        c.Questions = [c1, c2];
        var d = Factor("d", 4);
        d.Questions = [Question(d, RespondentGroup.Director)];
        var shares = new Dictionary<Guid, decimal>
        {
            [a1.Id] = 40, // risk 40
            [a2.Id] = 30, // reversed: risk 70
            [b1.Id] = 80, // risk 80, weight 2
            [b2.Id] = 50, // reversed: risk 50
            [c1.Id] = 10, // risk 10; c2 unanswered and not counted
        };

        var results = RiskComputation.Compute([d, c, b, a], shares);

        results.Select(r => r.Code).Should().Equal("a", "b", "c", "d");
        // a: (40 + 70) / 2 = 55 → from 30 to 60: medium
        results[0].Score.Should().Be(55m);
        results[0].Level.Should().Be(RiskLevel.Medium);
        // b: (2·80 + 50) / 3 = 70 → at or above 60: high
        results[1].Score.Should().Be(70m);
        results[1].Level.Should().Be(RiskLevel.High);
        // c: 10 / 1 = 10 → below 30: low
        results[2].Score.Should().Be(10m);
        results[2].Level.Should().Be(RiskLevel.Low);
        // d: nothing answered → no level
        results[3].Score.Should().BeNull();
        results[3].Level.Should().BeNull();
        // What made a medium: the reversed teachers' answer (risk 70) first, then the director's (40).
        results[0].Because.Select(x => (x.QuestionId, x.Share, x.RiskShare)).Should().Equal((a2.Id, 30m, 70m), (a1.Id, 40m, 40m));
        results[2].Because.Should().ContainSingle().Which.QuestionId.Should().Be(c1.Id);
    }

    [Theory]
    [InlineData(29.9, RiskLevel.Low)]
    [InlineData(30, RiskLevel.Medium)]
    [InlineData(59.9, RiskLevel.Medium)]
    [InlineData(60, RiskLevel.High)]
    public void A_threshold_itself_belongs_to_the_higher_level(double score, RiskLevel level) =>
        Factor("x", 1).LevelOf((decimal)score).Should().Be(level);

    [Fact]
    public void A_score_is_rounded_to_one_decimal()
    {
        var f = Factor("f", 1);
        var q = f.Questions = [Question(f, RespondentGroup.Director), Question(f, RespondentGroup.Teachers), Question(f, RespondentGroup.Pupils)];
        // (10 + 10 + 11) / 3 = 10.333… → 10.3
        RiskComputation.Compute([f], new Dictionary<Guid, decimal> { [q[0].Id] = 10, [q[1].Id] = 10, [q[2].Id] = 11 })[0].Score.Should().Be(10.3m);
    }

    [Fact]
    public void Shares_outside_0_to_100_and_unknown_questions_are_refused_in_Russian()
    {
        var f = Factor("f", 1);
        var q = Question(f, RespondentGroup.Parents);
        q.Text = "Доля родителей на собраниях";
        f.Questions = [q];
        RiskComputation.CheckAnswers([f], new Dictionary<Guid, decimal> { [q.Id] = 100.5m, [Guid.NewGuid()] = 10 }).Should().Equal(
            "Неизвестный вопрос анкеты: анкета изменилась, обновите страницу.",
            "Доля по вопросу «Доля родителей на собраниях» должна быть от 0 до 100 %.");
        RiskComputation.CheckAnswers([f], new Dictionary<Guid, decimal> { [q.Id] = -1 }).Should().ContainSingle();
        RiskComputation.CheckAnswers([f], new Dictionary<Guid, decimal> { [q.Id] = 0 }).Should().BeEmpty();
        RiskComputation.CheckAnswers([f], new Dictionary<Guid, decimal> { [q.Id] = 100 }).Should().BeEmpty();
    }

    [Fact]
    public void Choosing_more_key_risks_than_the_region_allows_is_refused()
    {
        var factors = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        var profile = new RiskProfile();
        var choose = () => profile.ChooseKeyRisks(factors, 3, factors.ToHashSet());
        choose.Should().Throw<DomainException>().Which.Messages.Should().Equal("Можно выбрать не больше 3 ключевых рисков, выбрано 4.");
        var (added, removed) = profile.ChooseKeyRisks(factors.Take(3).ToList(), 3, factors.ToHashSet());
        added.Should().Equal(factors.Take(3));
        removed.Should().BeEmpty();
    }

    [Fact]
    public void A_key_risk_must_be_a_factor_of_the_profiles_year_and_a_choice_says_what_was_added_and_let_go()
    {
        var known = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var profile = new RiskProfile { KeyRisks = [new KeyRisk { FactorId = known[0] }] };
        var unknown = () => profile.ChooseKeyRisks([Guid.NewGuid()], 3, known.ToHashSet());
        unknown.Should().Throw<DomainException>().Which.Messages.Should().Equal("Неизвестный фактор риска.");
        var (added, removed) = profile.ChooseKeyRisks([known[1], known[1]], 3, known.ToHashSet());
        added.Should().Equal(known[1]);
        removed.Should().ContainSingle().Which.FactorId.Should().Be(known[0]);
    }

    [Fact]
    public void Review_due_dates_fall_in_their_half_year_and_a_review_after_its_half_year_is_late()
    {
        var settings = new RiskSettings();
        // Defaults: 25 December for September–December, 31 May for January–August of school year 2025/26.
        settings.ReviewDue(2025, 1).Should().Be(new DateOnly(2025, 12, 25));
        settings.ReviewDue(2025, 2).Should().Be(new DateOnly(2026, 5, 31));
        var onTime = new EffectivenessReview { Year = 2025, HalfYear = 1, Date = new DateOnly(2025, 12, 20), Due = settings.ReviewDue(2025, 1) };
        onTime.IsLate.Should().BeFalse();
        var afterHalfYear = new EffectivenessReview { Year = 2025, HalfYear = 1, Date = new DateOnly(2026, 1, 15), Due = settings.ReviewDue(2025, 1) };
        afterHalfYear.IsLate.Should().BeTrue();
        EffectivenessReview.Check(2025, 2, new DateOnly(2025, 12, 1), new DateOnly(2026, 3, 1)).Should().Equal("Дата анализа не может быть раньше начала полугодия.");
        EffectivenessReview.Check(2025, 3, new DateOnly(2025, 12, 1), new DateOnly(2026, 3, 1)).Should().Equal("Полугодие: первое или второе.");
    }

    [Fact]
    public void Decisions_on_a_school_years_risks_are_due_by_June_before_it()
    {
        var settings = new RiskSettings();
        settings.DecisionsDue(2026).Should().Be(new DateOnly(2026, 6, 30));
        new RiskDecision { TakenOn = new DateOnly(2026, 6, 30), Deadline = settings.DecisionsDue(2026) }.IsLate.Should().BeFalse();
        new RiskDecision { TakenOn = new DateOnly(2026, 7, 1), Deadline = settings.DecisionsDue(2026) }.IsLate.Should().BeTrue();
        new RiskSettings { KeyRiskLimit = 0, SecondReviewMonth = 11 }.Check().Should().Equal(
            "Число ключевых рисков: от 1 до 10.", "Срок анализа за второе полугодие — дата с февраля по август.");
    }

    [Fact]
    public void Only_the_current_last_or_next_school_year_is_accepted()
    {
        var today = new DateOnly(2026, 11, 30);
        RiskCalendar.SchoolYearOf(today).Should().Be(2026);
        RiskCalendar.SchoolYearOf(new DateOnly(2026, 8, 31)).Should().Be(2025);
        RiskCalendar.CheckYear(2025, today).Should().BeNull();
        RiskCalendar.CheckYear(2027, today).Should().BeNull();
        RiskCalendar.CheckYear(2019, today).Should().Be("Учебный год 2019/2020 недопустим: возможны текущий (2026/2027), прошлый или следующий.");
    }

    [Fact]
    public void The_default_set_has_the_ten_federal_factors_each_with_questions_and_a_copy_keeps_codes_with_new_ids()
    {
        var region = Guid.NewGuid();
        var set = DefaultRiskFactors.For(region, 2026);
        set.Should().HaveCount(10);
        set.Select(f => f.Order).Should().Equal(Enumerable.Range(1, 10));
        set.Should().OnlyContain(f => f.Questions.Count >= 2 && f.Questions.All(q => q.FactorId == f.Id && q.RegionId == region));
        var copy = DefaultRiskFactors.CopyFor(set, 2027);
        copy.Select(f => f.Code).Should().Equal(set.Select(f => f.Code));
        copy.Should().OnlyContain(f => f.Year == 2027 && set.All(s => s.Id != f.Id));
    }
}
