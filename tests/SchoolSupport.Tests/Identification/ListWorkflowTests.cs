using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Results;
using SchoolSupport.Infrastructure.Access;
using SchoolSupport.Infrastructure.Identification;
using SchoolSupport.Tests.Support;
using UglyToad.PdfPig;

namespace SchoolSupport.Tests.Identification;

/// <summary>The annual list end to end on a real database: computation, review, approval, publication, amendment.</summary>
public sealed class ListWorkflowTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const int Year = 2025;
    private TestWorld World => portal.World;

    private T As<T>(string role, string region = "a") where T : notnull => portal.Service<T>(World.Scope(role, region));

    /// <summary>School A1 №1 is far below the others in every year: more than 10 % below the minimum score in ОГЭ.</summary>
    private async Task SeedResultsAsync()
    {
        await using var db = portal.System();
        if (await db.Results.AnyAsync(r => r.Year == Year)) return;
        var schools = new[] { (World.SchoolA1, 30m), (World.SchoolA1Second, 3m), (World.SchoolA2, 2m), (World.SchoolB1, 40m) };
        foreach (var (school, below) in schools)
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
        await db.SaveChangesAsync();
    }

    private async Task<Guid> ComputeAsync()
    {
        await SeedResultsAsync();
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RunIdentification>().RunAsync(World.RegionA.Id, Year, "тест", null, CancellationToken.None);
    }

    private async Task<SupportList> ListAsync(Guid id)
    {
        await using var db = portal.System();
        return await db.Set<SupportList>().AsNoTracking().SingleAsync(l => l.Id == id);
    }

    [Fact]
    public async Task Two_people_moving_the_same_list_at_once_the_second_is_told_to_reload_not_that_the_step_is_impossible()
    {
        var id = Guid.NewGuid();
        await using (var db = portal.System())
        {
            var methodology = new MethodologyVersion { Id = Guid.NewGuid(), RegionId = World.RegionA.Id, Year = 2031, Version = 1, Name = "т", Json = "{}", Status = MethodologyStatus.Approved };
            db.AddRange(methodology, new SupportList(ListStatus.Draft) { Id = id, RegionId = World.RegionA.Id, Year = 2031, MethodologyId = methodology.Id });
            await db.SaveChangesAsync();
        }
        var seen = (await ListAsync(id)).RowVersion;
        await As<StartListReview>(Roles.Operator).StartReviewAsync(id, seen);
        var second = () => As<StartListReview>(Roles.Operator).StartReviewAsync(id, seen);
        (await second.Should().ThrowAsync<StaleEditException>()).WithMessage("Перечень изменён другим пользователем — обновите страницу.");
        await using var check = portal.System();
        (await check.Set<ListTransition>().CountAsync(t => t.ListId == id)).Should().Be(1, "the second click changed nothing");
    }

    /// <summary>#18: a list's view is read once for everyone who sees the same part of the region, and a write shows at once.</summary>
    [Fact]
    public async Task One_read_of_a_list_serves_everyone_who_sees_the_same_part_of_the_region_and_a_decision_shows_at_once()
    {
        var id = Guid.NewGuid();
        await using (var db = portal.System())
        {
            var methodology = new MethodologyVersion { Id = Guid.NewGuid(), RegionId = World.RegionA.Id, Year = 2032, Version = 1, Name = "т", Json = "{}", Status = MethodologyStatus.Approved };
            var list = new SupportList(ListStatus.Draft) { Id = id, RegionId = World.RegionA.Id, Year = 2032, MethodologyId = methodology.Id };
            list.Entries = new[] { World.SchoolA1, World.SchoolA1Second, World.SchoolA2 }.Select(s => new SupportListEntry
            {
                Id = Guid.NewGuid(), RegionId = World.RegionA.Id, ListId = id, SchoolId = s.Id, Included = true, Computed = true, EvidenceJson = "{}",
            }).ToList();
            db.AddRange(methodology, list);
            await db.SaveChangesAsync();
        }
        var operatorA = World.Scope(Roles.Operator);
        var first = await portal.Service<ListQueries>(operatorA).GetAsync(id, allEvidence: false);
        var colleague = operatorA with { UserId = Guid.NewGuid(), UserName = "другой оператор" };
        (await portal.Service<ListQueries>(colleague).GetAsync(id, allEvidence: false)).Should().BeSameAs(first, "the same region and roles see the same");
        first!.Entries.Should().HaveCount(3);

        // Another part of the region is another read: the coordinator of A2 does not get the operator's view of the draft, nor region B's operator.
        (await As<ListQueries>(Roles.Municipal, "a2").GetAsync(id, allEvidence: false)).Should().BeNull("a draft is not shown to coordinators");
        (await As<ListQueries>(Roles.Operator, "b").GetAsync(id, allEvidence: false)).Should().BeNull();
        Visibility.Key(World.Scope(Roles.Municipal)).Should().NotBe(Visibility.Key(World.Scope(Roles.Municipal, "a2")));
        Visibility.Key(World.Scope(Roles.Mentor)).Should().NotBe(Visibility.Key(World.Scope(Roles.Mentor) with { UserId = Guid.NewGuid() }),
            "a mentor sees the schools assigned to them");

        // A decision is a write of this process: the next read is a new one and shows it.
        await As<DecideOnSchool>(Roles.Operator).DecideAsync(id, (await ListAsync(id)).RowVersion, World.SchoolA2.Id, false, "Школа А2 исключена по итогам проверки");
        var after = await portal.Service<ListQueries>(colleague).GetAsync(id, allEvidence: false);
        after.Should().NotBeSameAs(first);
        after!.Entries.Single(e => e.SchoolId == World.SchoolA2.Id).Included.Should().BeFalse();
        after.List.RowVersion.Should().NotBe(first.List.RowVersion);
    }

    [Fact]
    public async Task The_list_goes_from_computation_to_publication_by_the_right_roles_only()
    {
        var id = await ComputeAsync();
        var again = await ComputeAsync();
        again.Should().Be(id, "re-running replaces the draft");
        await using (var db = portal.System())
        {
            (await db.Set<SupportList>().CountAsync(l => l.RegionId == World.RegionA.Id && l.Year == Year)).Should().Be(1);
            (await db.Set<SupportListEntry>().CountAsync(e => e.ListId == id)).Should().Be(3, "region A has three schools");
        }
        var view = await As<ListQueries>(Roles.Operator).GetAsync(id);
        view!.Entries.Single(e => e.SchoolId == World.SchoolA1.Id).Included.Should().BeTrue();
        view.Entries.Single(e => e.SchoolId == World.SchoolA1.Id).LowResults.Should().BeTrue();
        view.Entries.Should().NotContain(e => e.SchoolId == World.SchoolB1.Id);

        // The list page reads the evidence of listed schools only; one entry's whole evidence is read when its dialog opens.
        var onPage = await As<ListQueries>(Roles.Operator).GetAsync(id, allEvidence: false);
        onPage!.Entries.Single(e => e.SchoolId == World.SchoolA1Second.Id).EvidenceJson.Should().Be("{}");
        ListExports.EvidenceOf(onPage.Entries.Single(e => e.SchoolId == World.SchoolA1.Id)).Should().Contain(r => r.Fired);
        ListExports.EvidenceOf((await As<ListQueries>(Roles.Operator).EntryAsync(id, World.SchoolA1Second.Id))!).Should().NotBeEmpty();
        (await As<ListQueries>(Roles.Operator, "b").EntryAsync(id, World.SchoolA1Second.Id)).Should().BeNull("region B's operator");
        (await As<ListQueries>(Roles.School).EntryAsync(id, World.SchoolA1.Id)).Should().BeNull("a draft is not shown to schools");

        var list = await ListAsync(id);
        await As<StartListReview>(Roles.Operator).StartReviewAsync(id, list.RowVersion);
        list = await ListAsync(id);
        var shortReason = () => As<DecideOnSchool>(Roles.Operator).DecideAsync(id, list.RowVersion, World.SchoolA2.Id, true, "мало");
        await shortReason.Should().ThrowAsync<DomainException>().WithMessage("*Обоснование обязательно*");
        await As<DecideOnSchool>(Roles.Operator).DecideAsync(id, list.RowVersion, World.SchoolA2.Id, true, "Отрицательная динамика по итогам мониторинга РЦОКО");
        var stale = () => As<DecideOnSchool>(Roles.Operator).DecideAsync(id, list.RowVersion, World.SchoolA1Second.Id, true, "Второе решение по устаревшей странице");
        await stale.Should().ThrowAsync<StaleEditException>();

        list = await ListAsync(id);
        var byMunicipal = () => As<SubmitList>(Roles.Municipal).SubmitAsync(id, list.RowVersion);
        await byMunicipal.Should().ThrowAsync<ScopeException>();
        await As<SubmitList>(Roles.Operator).SubmitAsync(id, list.RowVersion);

        list = await ListAsync(id);
        var byOperator = () => As<ApproveList>(Roles.Operator).ApproveAsync(id, list.RowVersion, "1852", new DateOnly(Year, 9, 20));
        await byOperator.Should().ThrowAsync<ScopeException>();
        var noOrder = () => As<ApproveList>(Roles.Ministry).ApproveAsync(id, list.RowVersion, "", new DateOnly(Year, 9, 20));
        await noOrder.Should().ThrowAsync<DomainException>().WithMessage("*номер приказа*");
        var wrongYear = () => As<ApproveList>(Roles.Ministry).ApproveAsync(id, list.RowVersion, "1852", new DateOnly(2019, 9, 20));
        await wrongYear.Should().ThrowAsync<DomainException>().WithMessage("*не соответствует году*");
        await As<ApproveList>(Roles.Ministry).ApproveAsync(id, list.RowVersion, "1852", new DateOnly(Year, 9, 20));
        list = await ListAsync(id);
        await As<PublishList>(Roles.Ministry).PublishAsync(id, list.RowVersion);

        list = await ListAsync(id);
        list.Status.Should().Be(ListStatus.Published);
        var decide = () => As<DecideOnSchool>(Roles.Operator).DecideAsync(id, list.RowVersion, World.SchoolA2.Id, false, "Попытка изменить опубликованный перечень");
        await decide.Should().ThrowAsync<DomainException>().WithMessage("*Опубликованный перечень изменить нельзя*");
        using (var scope = portal.Services.CreateScope())
        {
            var rerun = () => scope.ServiceProvider.GetRequiredService<RunIdentification>().ComputeAsync(portal.System(), World.RegionA.Id, Year, "тест", _ => { }, CancellationToken.None);
            await rerun.Should().ThrowAsync<DomainException>().WithMessage("*опубликован*");
        }

        await using (var db = portal.System())
        {
            var notified = await db.Notifications.Select(n => n.UserId).ToListAsync();
            notified.Should().Contain(World.Scope(Roles.School).UserId).And.Contain(World.Scope(Roles.Municipal).UserId);
            notified.Should().NotContain(World.Scope(Roles.School, "b").UserId);
            (await db.Audit.CountAsync(a => a.Action.StartsWith("list."))).Should().BeGreaterThanOrEqualTo(5);
        }

        // What each scope sees of the published list.
        (await As<ListQueries>(Roles.Municipal, "a2").GetAsync(id))!.Entries.Should().OnlyContain(e => e.SchoolId == World.SchoolA2.Id);
        (await As<ListQueries>(Roles.School).GetAsync(id))!.Entries.Should().ContainSingle().Which.SchoolId.Should().Be(World.SchoolA1.Id);
        (await As<ListQueries>(Roles.Operator, "b").GetAsync(id)).Should().BeNull();
        (await As<ListQueries>(Roles.School).EntryAsync(id, World.SchoolA1Second.Id)).Should().BeNull("another school's entry");
        (await As<ListQueries>(Roles.School).EntryAsync(id, World.SchoolA1.Id)).Should().NotBeNull();

        // The PDF for the order carries the Cyrillic names and the order number.
        var pdf = await As<ListExports>(Roles.Ministry).PdfAsync(id);
        using (var document = PdfDocument.Open(pdf))
        {
            var text = string.Join(" ", document.GetPages().Select(p => p.Text));
            text.Should().Contain(World.SchoolA1.ShortName.Replace(" ", "")[..5]);
            text.Replace(" ", "").Should().Contain("1852").And.Contain(World.SchoolA2.ShortName.Replace(" ", ""));
        }

        // The public page shows the published list to anyone.
        using var anonymous = portal.Anonymous();
        var page = await anonymous.GetStringAsync($"/public/lists/{World.RegionA.Code}/{Year}");
        page.Should().Contain(World.SchoolA1.ShortName).And.Contain("1852");

        // An amendment is a new version; publishing it supersedes the first.
        var amendment = await As<AmendList>(Roles.Operator).AmendAsync(id, "Исправление по протесту муниципалитета А2");
        var draft = await ListAsync(amendment);
        await As<DecideOnSchool>(Roles.Operator).DecideAsync(amendment, draft.RowVersion, World.SchoolA2.Id, false, "Школа А2 исключена по итогам проверки");
        draft = await ListAsync(amendment);
        await As<SubmitList>(Roles.Operator).SubmitAsync(amendment, draft.RowVersion);
        draft = await ListAsync(amendment);
        await As<ApproveList>(Roles.Ministry).ApproveAsync(amendment, draft.RowVersion, "1901", new DateOnly(Year, 10, 15));
        draft = await ListAsync(amendment);
        await As<PublishList>(Roles.Ministry).PublishAsync(amendment, draft.RowVersion);
        (await ListAsync(id)).Status.Should().Be(ListStatus.Superseded);
        (await ListAsync(amendment)).Version.Should().Be(2);

        // The lists write their own history; the rows reach the database through the navigation, none added by hand.
        await using (var db = portal.System())
        {
            var history = await db.Set<ListTransition>().AsNoTracking().Where(h => h.ListId == id || h.ListId == amendment).ToListAsync();
            history.Where(h => h.ListId == id).Select(h => h.To).Should().BeEquivalentTo([ListStatus.Draft, ListStatus.Draft, ListStatus.UnderReview,
                ListStatus.Submitted, ListStatus.Approved, ListStatus.Published, ListStatus.Superseded]);
            history.Where(h => h.ListId == id && h.To == ListStatus.Draft).Select(h => h.Comment[..24])
                .Should().BeEquivalentTo(["Расчёт проекта перечня. ", "Пересчёт проекта перечня"]);
            history.Where(h => h.ListId == amendment).Select(h => h.To).Should().BeEquivalentTo([ListStatus.UnderReview, ListStatus.Submitted,
                ListStatus.Approved, ListStatus.Published]);
            history.Should().OnlyContain(h => h.Id != Guid.Empty && h.RegionId == World.RegionA.Id);
        }
        var years = await As<ListQueries>(Roles.Ministry).YearOverYearAsync();
        years.Should().ContainSingle(y => y.Year == Year).Which.Listed.Should().Be(1);
    }

    [Fact]
    public async Task Lists_in_progress_are_hidden_from_municipal_and_school_users_and_the_public()
    {
        await using (var db = portal.System())
        {
            var methodology = new MethodologyVersion { Id = Guid.NewGuid(), RegionId = World.RegionA.Id, Year = 2030, Version = 9, Name = "т", Json = "{}", Status = MethodologyStatus.Approved };
            db.Add(methodology);
            db.Add(new SupportList(ListStatus.Draft) { Id = Guid.NewGuid(), RegionId = World.RegionA.Id, Year = 2030, MethodologyId = methodology.Id });
            await db.SaveChangesAsync();
        }
        var draft = (await As<ListQueries>(Roles.Operator).AllAsync()).Single(l => l.Year == 2030);
        (await As<ListQueries>(Roles.Municipal).GetAsync(draft.Id)).Should().BeNull();
        (await As<ListQueries>(Roles.School).GetAsync(draft.Id)).Should().BeNull();
        using var anonymous = portal.Anonymous();
        using var publicPage = await anonymous.GetAsync($"/public/lists/{World.RegionA.Code}/2030");
        publicPage.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await publicPage.Content.ReadAsStringAsync()).Should().Contain("не найден");
        using var client = await portal.LoginAsync(TestWorld.Email(Roles.Municipal));
        using var pdf = await client.GetAsync($"/lists/{draft.Id}/list.pdf");
        pdf.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
