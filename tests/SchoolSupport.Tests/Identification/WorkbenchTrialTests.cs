using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Results;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Identification;
using SchoolSupport.Tests.Support;
using UglyToad.PdfPig;

namespace SchoolSupport.Tests.Identification;

/// <summary>
/// The methodology workbench on a real database: a trial run of a draft methodology against the year's working list and last
/// year's published list, saved trials and their exports, the guards on computing and on empty lists.
/// <para>
/// Region A (hand-computed): share below the minimum score in ОГЭ each year 2023–2025 — Школа № 1 А1 30 %, Школа № 2 А1 3 %,
/// Школа № 1 А2 2 % (ЕГЭ half of that). The default Kirov methodology (threshold 10 % in each of 3 years, or ИОР in the lowest
/// quartile) lists only Школа № 1 А1. A draft with the threshold at 2,5 % lists Школа № 1 А1 and Школа № 2 А1 (3 % > 2,5 %),
/// not Школа № 1 А2 (2 % ≤ 2,5 %, ЕГЭ 1 %).
/// The working list of 2025 (computed, then the operator adds Школа № 1 А2) has А1 №1 and А2 №1; the published 2024 list has А2 №1.
/// So against the year's list: entered 1 (А1 №2), left 1 (А2 №1), stayed 1 (А1 №1); against 2024: entered 2, left 1, stayed 0.
/// </para>
/// </summary>
public sealed class WorkbenchTrialTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const int Year = 2025;
    private TestWorld World => portal.World;

    private T As<T>(string role, string region = "a") where T : notnull => portal.Service<T>(World.Scope(role, region));

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static (Guid Draft, Guid List)? _seeded;

    /// <summary>Results, the working list of 2025 with the operator's addition, the published list of 2024 and a draft methodology at 2,5 %.</summary>
    private async Task<(Guid Draft, Guid List)> SeedAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_seeded is { } done && await HasListAsync(done.List)) return done;
            await using (var db = portal.System())
            {
                foreach (var (school, below) in new[] { (World.SchoolA1, 30m), (World.SchoolA1Second, 3m), (World.SchoolA2, 2m), (World.SchoolB1, 40m) })
                {
                    for (var year = Year - 2; year <= Year; year++)
                    {
                        foreach (var subject in new[] { Subject.Russian, Subject.Mathematics })
                        {
                            db.Results.Add(new AssessmentResult { RegionId = school.RegionId, SchoolId = school.Id, Year = year, Kind = AssessmentKind.Oge, Grade = 9,
                                Subject = subject, Participants = 40, MeanScore = 25 - below / 3, BelowMinimumShare = below, FailShare = below });
                            db.Results.Add(new AssessmentResult { RegionId = school.RegionId, SchoolId = school.Id, Year = year, Kind = AssessmentKind.Ege, Grade = 11,
                                Subject = subject, Participants = 20, MeanScore = 70 - below, BelowMinimumShare = below / 2, FailShare = below / 2 });
                        }
                    }
                }
                var oldMethodology = new MethodologyVersion { Id = Guid.NewGuid(), RegionId = World.RegionA.Id, Year = Year - 1, Version = 1, Name = "2024",
                    Json = MethodologyJson.Serialize(DefaultMethodologies.Kirov(Year - 1)), Status = MethodologyStatus.Approved };
                var published = new SupportList(ListStatus.Published) { Id = Guid.NewGuid(), RegionId = World.RegionA.Id, Year = Year - 1, MethodologyId = oldMethodology.Id };
                published.Entries.Add(new SupportListEntry { Id = Guid.NewGuid(), RegionId = World.RegionA.Id, ListId = published.Id, SchoolId = World.SchoolA2.Id,
                    LowResults = true, Computed = true, Included = true, Cell = MatrixCell.Ineffective });
                db.AddRange(oldMethodology, published);
                await db.SaveChangesAsync();
            }
            Guid listId;
            using (var scope = portal.Services.CreateScope())
            {
                listId = await scope.ServiceProvider.GetRequiredService<RunIdentification>().RunAsync(World.RegionA.Id, Year, "тест", null, CancellationToken.None);
            }
            var list = await ListAsync(listId);
            await As<DecideOnSchool>(Roles.Operator).DecideAsync(listId, list.RowVersion, World.SchoolA2.Id, true, "Отрицательная динамика по итогам мониторинга");

            var methodologies = As<Methodologies>(Roles.Operator);
            var draft = await methodologies.NewDraftAsync(Year, "Kirov");
            var methodology = MethodologyJson.Deserialize(draft.Json);
            methodology = methodology with
            {
                Rules = methodology.Rules with
                {
                    LowResults = [.. methodology.Rules.LowResults.Select(r => r is BelowMinimumAbove b ? b with { ThresholdPercent = 2.5 } : r)],
                },
            };
            await methodologies.SaveDraftAsync(draft.Id, draft.RowVersion, MethodologyJson.Serialize(methodology));
            _seeded = (draft.Id, listId);
            return _seeded.Value;
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task<bool> HasListAsync(Guid id)
    {
        await using var db = portal.System();
        return await db.Set<SupportList>().AnyAsync(l => l.Id == id);
    }

    private async Task<SupportList> ListAsync(Guid id)
    {
        await using var db = portal.System();
        return await db.Set<SupportList>().AsNoTracking().Include(l => l.Entries).SingleAsync(l => l.Id == id);
    }

    [Fact]
    public async Task A_trial_of_a_draft_methodology_shows_the_would_be_list_and_its_comparison_and_leaves_the_working_list_alone()
    {
        var (draft, listId) = await SeedAsync();
        var before = await ListAsync(listId);

        var outcome = await As<RunTrial>(Roles.Operator).RunAsync(draft, Year);

        outcome.MethodologyApproved.Should().BeFalse();
        outcome.SchoolsComputed.Should().Be(3, "region A has three schools");
        outcome.Schools.Where(s => s.Listed).Select(s => s.SchoolId).Should().BeEquivalentTo([World.SchoolA1.Id, World.SchoolA1Second.Id]);
        outcome.Listed.Should().Be(2);
        outcome.Current!.ListId.Should().Be(listId);
        outcome.AgainstCurrent.Should().Be(new ListDifference(Entered: 1, Left: 1, Stayed: 1));
        outcome.AgainstPrevious.Should().Be(new ListDifference(Entered: 2, Left: 1, Stayed: 0));
        outcome.Schools.Single(s => s.SchoolId == World.SchoolA1Second.Id).AgainstCurrent.Should().Be(Movement.Entered);
        outcome.Schools.Single(s => s.SchoolId == World.SchoolA2.Id).AgainstCurrent.Should().Be(Movement.Left);
        outcome.Schools.Single(s => s.SchoolId == World.SchoolA1.Id).AgainstCurrent.Should().Be(Movement.Stayed);
        outcome.ByMunicipality.Should().BeEquivalentTo([new BreakdownRow(World.A1.Name, 2, 1, 0), new BreakdownRow(World.A2.Name, 0, 1, 1)]);
        outcome.ByStatus.Should().BeEquivalentTo([new BreakdownRow("ШНОР", 2, 1, 1), new BreakdownRow("по решению оператора", 0, 1, 0)]);
        outcome.ByCell.Sum(r => r.Trial).Should().Be(2);

        var evidence = outcome.Schools.Single(s => s.SchoolId == World.SchoolA1Second.Id);
        evidence.ResultsIndexByYear.Select(y => y.Year).Should().Equal(Year - 2, Year - 1, Year);
        evidence.Evidence.Should().Contain(e => e.Fired && e.Group == RuleGroup.LowResults && e.Description.Contains("2,5"));

        var after = await ListAsync(listId);
        after.RowVersion.Should().Be(before.RowVersion, "a trial writes nothing to the working list");
        after.Entries.Where(e => e.Included).Select(e => e.SchoolId).Should().BeEquivalentTo([World.SchoolA1.Id, World.SchoolA2.Id]);
        await using var db = portal.System();
        (await db.Set<MethodologyVersion>().SingleAsync(m => m.Id == draft)).UsedAt.Should().BeNull("a trial does not use up the draft");
        (await db.Set<SupportList>().CountAsync(l => l.RegionId == World.RegionA.Id && l.Year == Year)).Should().Be(1);
    }

    [Fact]
    public async Task A_trial_of_a_year_without_results_or_out_of_range_is_refused_with_a_clear_message()
    {
        var (draft, _) = await SeedAsync();
        var noResults = () => As<RunTrial>(Roles.Ministry).RunAsync(draft, 2019);
        (await noResults.Should().ThrowAsync<DomainException>()).Which.Message
            .Should().Be("Результатов оценочных процедур за 2019 год в регионе нет: загрузите результаты этого года, затем выполните расчёт.");
        var tooLate = () => As<RunTrial>(Roles.Operator).RunAsync(draft, 2100);
        (await tooLate.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be("Год расчёта 2100 вне допустимого диапазона.");
    }

    [Fact]
    public async Task Computing_the_list_of_a_year_without_results_is_refused_and_stores_nothing()
    {
        await SeedAsync();
        using var scope = portal.Services.CreateScope();
        var run = scope.ServiceProvider.GetRequiredService<RunIdentification>();
        await using var db = portal.System();
        var compute = () => run.ComputeAsync(db, World.RegionA.Id, 2018, "тест", _ => { }, CancellationToken.None);
        (await compute.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("за 2018 год в регионе нет");
        await using var check = portal.System();
        (await check.Set<SupportList>().AnyAsync(l => l.Year == 2018)).Should().BeFalse();
        (await check.Set<MethodologyVersion>().AnyAsync(m => m.Year == 2018)).Should().BeFalse("no default methodology is stored for a refused year");
    }

    [Fact]
    public async Task Another_region_and_other_roles_cannot_run_or_see_trials()
    {
        var (draft, _) = await SeedAsync();
        var id = await As<SaveTrial>(Roles.Operator).SaveAsync(draft, Year, "Порог 2,5 % — для совещания");

        var otherRegion = () => As<RunTrial>(Roles.Operator, "b").RunAsync(draft, Year);
        await otherRegion.Should().ThrowAsync<ScopeException>().WithMessage("Методика не найдена.");
        (await As<TrialQueries>(Roles.Operator, "b").GetAsync(id)).Should().BeNull();
        (await As<TrialQueries>(Roles.Operator, "b").AllAsync()).Should().BeEmpty();
        var municipal = () => As<RunTrial>(Roles.Municipal).RunAsync(draft, Year);
        await municipal.Should().ThrowAsync<ScopeException>();
        var school = () => As<TrialQueries>(Roles.School).AllAsync();
        await school.Should().ThrowAsync<ScopeException>();

        using var foreign = await portal.LoginAsync(TestWorld.Email(Roles.Operator, "b"));
        (await foreign.GetAsync($"/identification/trials/{id}/trial.xlsx")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var municipalClient = await portal.LoginAsync(TestWorld.Email(Roles.Municipal));
        var response = await municipalClient.GetAsync($"/identification/trials/{id}/trial.pdf");
        (response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("/account/access-denied") == true)
            .Should().BeTrue($"a municipal coordinator is refused, got {response.StatusCode}");
    }

    [Fact]
    public async Task A_saved_trial_is_seen_by_the_ministry_beside_the_year_and_exported_with_its_numbers()
    {
        var (draft, _) = await SeedAsync();
        var id = await As<SaveTrial>(Roles.Operator).SaveAsync(draft, Year, "  Порог 2,5 %  ");

        var summaries = await As<TrialQueries>(Roles.Ministry).AllAsync(Year);
        var summary = summaries.Should().ContainSingle(t => t.Id == id).Subject;
        (summary.Name, summary.Listed, summary.Year, summary.CreatedBy).Should().Be(("Порог 2,5 %", 2, Year, World.Scope(Roles.Operator).UserName));
        (await As<TrialQueries>(Roles.Ministry).AllAsync(Year - 1)).Should().NotContain(t => t.Id == id);
        var view = await As<TrialQueries>(Roles.Ministry).GetAsync(id);
        view!.Outcome.AgainstCurrent.Should().Be(new ListDifference(1, 1, 1));
        view.Outcome.Schools.Single(s => s.SchoolId == World.SchoolA1.Id).Evidence.Should().NotBeEmpty();

        using var ministry = await portal.LoginAsync(TestWorld.Email(Roles.Ministry));
        var xlsx = await ministry.GetAsync($"/identification/trials/{id}/trial.xlsx");
        xlsx.StatusCode.Should().Be(HttpStatusCode.OK);
        var rows = XlsxExport.Read(await xlsx.Content.ReadAsStreamAsync(), "Школы");
        rows.Should().HaveCount(3);
        var second = rows.Single(r => (string?)r["Код ОО"] == World.SchoolA1Second.Code);
        (second["В перечне по расчёту"], second["К перечню этого года"], second["К перечню прошлого года"]).Should().Be(("да", "вошла бы", "вошла бы"));
        second.Keys.Should().Contain([$"ИОР {Year - 2}", $"ИОР {Year - 1}", $"ИОР {Year}", $"Квартиль ИОР {Year}"]);
        rows.Single(r => (string?)r["Код ОО"] == World.SchoolA2.Code)["К перечню этого года"].Should().Be("вышла бы");

        var pdf = await ministry.GetAsync($"/identification/trials/{id}/trial.pdf");
        pdf.StatusCode.Should().Be(HttpStatusCode.OK);
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        foreach (var page in document.GetPages()) page.Text.Replace(" ", "").Should().Contain("ПРОБНЫЙРАСЧЁТ");
        var text = string.Join(" ", document.GetPages().Select(p => p.Text)).Replace(" ", "");
        text.Should().Contain("Порог2,5%").And.Contain("вошлибы1,вышлибы1,осталисьбы1").And.Contain(World.SchoolA1Second.ShortName.Replace(" ", ""));
    }

    [Fact]
    public async Task A_trial_without_a_proper_name_is_not_saved()
    {
        var (draft, _) = await SeedAsync();
        var unnamed = () => As<SaveTrial>(Roles.Operator).SaveAsync(draft, Year, " аб ");
        (await unnamed.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be("Назовите пробный расчёт: не короче 3 символов.");
        var tooLong = () => As<SaveTrial>(Roles.Operator).SaveAsync(draft, Year, new string('я', SavedTrial.NameMaxLength + 1));
        await tooLong.Should().ThrowAsync<DomainException>().WithMessage("Название пробного расчёта — не длиннее 200 символов.");
        await using var db = portal.System();
        (await db.Set<SavedTrial>().AnyAsync(t => t.Name.StartsWith("я") || t.Name == "аб")).Should().BeFalse();
    }

    [Fact]
    public async Task A_draft_list_pdf_says_project_on_every_page()
    {
        var (_, listId) = await SeedAsync();
        var pdf = await As<ListExports>(Roles.Operator).PdfAsync(listId);
        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages()) page.Text.Should().Contain("ПРОЕКТ");
    }

    [Fact]
    public async Task The_list_xlsx_carries_every_years_index_and_band_each_rules_numbers_and_the_methodology()
    {
        var (_, listId) = await SeedAsync();
        var rows = XlsxExport.Read(new MemoryStream(await As<ListExports>(Roles.Operator).XlsxAsync(listId)));
        rows.Should().HaveCount(3);
        var first = rows.Single(r => (string?)r["Код ОО"] == World.SchoolA1.Code);
        first.Keys.Should().Contain([$"ИОР {Year - 2}", $"Квартиль ИОР {Year - 2}", $"ИОР {Year - 1}", $"ИОР {Year}", $"Квартиль ИОР {Year}"]);
        first[$"Квартиль ИОР {Year - 2}"].Should().Be("Низкий");
        ((string)first["Расчёт по правилам"]!).Should().Contain(": да.").And.Contain(": нет.", "rules that did not fire are shown with their numbers too");
        ((string)first["Методика"]!).Should().EndWith("версия 1");
        var otherRegion = () => As<ListExports>(Roles.Operator, "b").XlsxAsync(listId);
        await otherRegion.Should().ThrowAsync<ScopeException>();
    }

    /// <summary>
    /// A 2030 list written directly: ИОР 0,2 / 0,8 / 0,9 and ИСБ 0,1 / 0,2 / 0,9. The 25th percentile (inclusive) of the ИОР is
    /// 0,2 + 0,5 × (0,8 − 0,2) = 0,5, of the ИСБ 0,1 + 0,5 × 0,1 = 0,15.
    /// </summary>
    [Fact]
    public async Task The_matrix_draws_each_school_with_the_cuts_and_counts_per_cell_filtered_by_municipality()
    {
        const int year = 2030;
        await using (var db = portal.System())
        {
            var methodology = new MethodologyVersion { Id = Guid.NewGuid(), RegionId = World.RegionA.Id, Year = year, Version = 1, Name = "м",
                Json = MethodologyJson.Serialize(DefaultMethodologies.Kirov(year)), Status = MethodologyStatus.Approved };
            var list = new SupportList(ListStatus.Draft) { Id = Guid.NewGuid(), RegionId = World.RegionA.Id, Year = year, MethodologyId = methodology.Id };
            foreach (var (school, ior, isb, cell, listed) in new[] { (World.SchoolA1, 0.2, 0.1, MatrixCell.LowLow, true), (World.SchoolA1Second, 0.8, 0.2, MatrixCell.Resilient, false), (World.SchoolA2, 0.9, 0.9, MatrixCell.Normal, false) })
            {
                list.Entries.Add(new SupportListEntry { Id = Guid.NewGuid(), RegionId = World.RegionA.Id, ListId = list.Id, SchoolId = school.Id, ResultsIndex = ior, SocialIndex = isb,
                    Cell = cell, LowResults = listed, Computed = listed, Included = listed });
            }
            db.AddRange(methodology, list);
            await db.SaveChangesAsync();
        }
        var view = (await As<MatrixQueries>(Roles.Ministry).GetAsync(year, null))!;
        view.ResultsCut.Should().BeApproximately(0.5, 1e-9);
        view.SocialCut.Should().BeApproximately(0.15, 1e-9);
        view.Points.Should().HaveCount(3);
        (view.Counts[MatrixCell.LowLow], view.Counts[MatrixCell.Resilient], view.Counts[MatrixCell.Normal], view.Counts[MatrixCell.Ineffective]).Should().Be((1, 1, 1, 0));
        var filtered = (await As<MatrixQueries>(Roles.Ministry).GetAsync(year, World.A2.Id))!;
        filtered.Points.Select(p => p.SchoolId).Should().Equal(World.SchoolA2.Id);
        filtered.ResultsCut.Should().BeApproximately(0.5, 1e-9, "the cuts are the region's, whatever the filter");

        using var client = await portal.LoginAsync(TestWorld.Email(Roles.Operator));
        var html = await client.GetStringAsync($"/identification/matrix?year={year}");
        html.Should().Contain($"href=\"/schools/{World.SchoolA1.Id}\"").And.Contain("data-testid=\"results-cut\"").And.Contain("class=\"listed\"");
        System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"matrix-point\"").Should().HaveCount(3);

        var otherRegion = await As<MatrixQueries>(Roles.Operator, "b").GetAsync(year, null);
        (otherRegion?.Points ?? []).Should().NotContain(p => p.SchoolId == World.SchoolA1.Id);
        var municipal = () => As<MatrixQueries>(Roles.Municipal).GetAsync(year, null);
        await municipal.Should().ThrowAsync<ScopeException>();
    }

    [Fact]
    public async Task The_sensitivity_view_gives_the_list_size_for_each_threshold_and_refuses_too_many_points()
    {
        var (draft, _) = await SeedAsync();
        var sensitivity = As<RunSensitivity>(Roles.Ministry);
        var threshold = (await sensitivity.ParametersAsync(draft)).First(p => p.Key.StartsWith("low:", StringComparison.Ordinal) && p.Key.EndsWith(":threshold", StringComparison.Ordinal));
        threshold.Current.Should().Be(2.5);

        // ОГЭ shares 30 %, 3 %, 2 % (ЕГЭ half): above 1 % all three; above 2 % two; above 3 % and 4 % only Школа № 1 А1.
        var outcome = await sensitivity.RunAsync(draft, Year, threshold.Key, 1, 4, 1);
        outcome.Points.Select(p => (p.Value, p.Listed)).Should().Equal((1d, 3), (2d, 2), (3d, 1), (4d, 1));

        var tooMany = () => sensitivity.RunAsync(draft, Year, threshold.Key, 0, 100, 1);
        (await tooMany.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be("Слишком много точек: 101. Не больше 50 — увеличьте шаг или сузьте диапазон.");
        var backwards = () => sensitivity.RunAsync(draft, Year, threshold.Key, 5, 1, 1);
        (await backwards.Should().ThrowAsync<DomainException>()).Which.Message.Should().Contain("начало не больше конца");
        var otherRegion = () => portal.Service<RunSensitivity>(World.Scope(Roles.Operator, "b")).RunAsync(draft, Year, threshold.Key, 1, 4, 1);
        await otherRegion.Should().ThrowAsync<ScopeException>();
        var school = () => portal.Service<RunSensitivity>(World.Scope(Roles.School, "a")).ParametersAsync(draft);
        await school.Should().ThrowAsync<DomainException>();
    }

    [Fact]
    public async Task A_list_without_schools_is_submitted_and_approved_only_with_a_justification()
    {
        var id = Guid.NewGuid();
        await using (var db = portal.System())
        {
            var methodology = new MethodologyVersion { Id = Guid.NewGuid(), RegionId = World.RegionA.Id, Year = 2032, Version = 1, Name = "т", Json = "{}", Status = MethodologyStatus.Approved };
            var empty = new SupportList(ListStatus.UnderReview) { Id = id, RegionId = World.RegionA.Id, Year = 2032, MethodologyId = methodology.Id };
            empty.Entries.Add(new SupportListEntry { Id = Guid.NewGuid(), RegionId = World.RegionA.Id, ListId = id, SchoolId = World.SchoolA1.Id, Computed = false, Included = false });
            db.AddRange(methodology, empty);
            await db.SaveChangesAsync();
        }
        var list = await ListAsync(id);
        var bare = () => As<SubmitList>(Roles.Operator).SubmitAsync(id, list.RowVersion);
        (await bare.Should().ThrowAsync<DomainException>()).Which.Message
            .Should().Be("В перечне нет ни одной школы: направить на утверждение его можно только с обоснованием (не короче 10 символов), почему перечень пуст.");
        (await ListAsync(id)).Status.Should().Be(ListStatus.UnderReview, "nothing changed");

        await As<SubmitList>(Roles.Operator).SubmitAsync(id, list.RowVersion, default, "Все школы вышли из перечня по итогам мониторинга");
        list = await ListAsync(id);
        list.Status.Should().Be(ListStatus.Submitted);
        var approveBare = () => As<ApproveList>(Roles.Ministry).ApproveAsync(id, list.RowVersion, "77-п", new DateOnly(2032, 9, 1));
        await approveBare.Should().ThrowAsync<DomainException>().WithMessage("В перечне нет ни одной школы: утвердить его можно только*");
        await As<ApproveList>(Roles.Ministry).ApproveAsync(id, list.RowVersion, "77-п", new DateOnly(2032, 9, 1), default, "Школ с низкими результатами не выявлено");
        await using var check = portal.System();
        var history = await check.Set<ListTransition>().Where(t => t.ListId == id).OrderBy(t => t.At).Select(t => t.Comment).ToListAsync();
        history.Should().Equal("Перечень без школ: Все школы вышли из перечня по итогам мониторинга", "Приказ № 77-п от 01.09.2032. Перечень без школ: Школ с низкими результатами не выявлено");
    }
}

/// <summary>How the list year and the years of results it reads are named (derived from the methodology's look-back).</summary>
public sealed class ListYearLabelTests
{
    [Fact]
    public void The_list_year_names_the_school_year_and_the_years_of_results_read_by_the_methodology()
    {
        Titles.ListYear(2026, DefaultMethodologies.Kirov(2026).YearsOfResults).Should().Be("перечень на 2026/2027 по результатам 2024–2026");
        Titles.ListYear(2026, 1).Should().Be("перечень на 2026/2027 по результатам 2026 года");
    }
}
