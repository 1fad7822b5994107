using System.Net;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Mentoring;
using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Roadmaps;

public sealed class PlanWorkflowTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    private T As<T>(string role, string region = "a") where T : notnull => portal.Service<T>(World.Scope(role, region));

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A school programme of school A1 with one activity in every mandatory section but the ones skipped.</summary>
    internal static async Task<Guid> DraftSchoolProgrammeAsync(PortalFixture portal, int skipSections = 0, int deadlineInDays = 30)
    {
        var team = portal.World.Scope(Roles.School);
        var id = await portal.Service<CreatePlan>(team).CreateAsync(new PlanHeaderEdit
        {
            Kind = PlanKind.TransitionProgramme, Title = "Программа перехода в эффективный режим функционирования на 2026–2027 гг.",
            PeriodFrom = new DateOnly(2026, 11, 1), PeriodTo = new DateOnly(2027, 12, 31), Goals = "Повышение качества образовательных результатов",
        });
        var sections = await portal.Service<PlanSections>(portal.World.Scope(Roles.School)).ListAsync();
        foreach (var section in sections.Skip(skipSections))
        {
            await portal.Service<SavePlanItem>(team).SaveItemAsync(new PlanItemEdit
            {
                PlanId = id, SectionId = section.Id, Activity = "Мероприятие: " + section.Title, Deadline = Today.AddDays(deadlineInDays),
                Responsible = "Заместитель директора по УВР", Indicator = "Доля педагогов", Target = "100 %",
            });
        }
        return id;
    }

    private async Task<uint> VersionAsync(Guid id) => (await As<PlanQueries>(Roles.School).GetAsync(id))!.Plan.Version;

    [Fact]
    public async Task A_school_programme_goes_through_the_whole_workflow_by_the_right_roles()
    {
        var id = await DraftSchoolProgrammeAsync(portal);
        var team = World.Scope(Roles.School);
        var coordinator = World.Scope(Roles.Municipal);

        var view = await portal.Service<PlanQueries>(team).GetAsync(id);
        view!.Role.Should().Be(PlanRole.Owner);
        view.MissingSections.Should().BeEmpty();
        view.NextSteps.Should().Equal(PlanStatus.Submitted);

        await portal.Service<MovePlan>(team).MoveAsync(id, await VersionAsync(id), PlanStatus.Submitted, null);
        (await portal.Service<PlanQueries>(coordinator).GetAsync(id))!.NextSteps.Should().Equal(PlanStatus.UnderReview);
        await portal.Service<MovePlan>(coordinator).MoveAsync(id, await VersionAsync(id), PlanStatus.UnderReview, null);

        // A mentor sees only the schools assigned to them.
        (await As<PlanQueries>(Roles.Mentor).GetAsync(id)).Should().BeNull();
        await portal.Service<MentorAssignments>(World.Scope(Roles.Operator)).AssignAsync(new AssignmentEdit
        {
            MentorId = World.Scope(Roles.Mentor).UserId, SchoolId = World.SchoolA1.Id, From = Today.AddDays(-1), To = Today.AddYears(1),
            Responsibilities = "Сопровождение программы перехода",
        });
        await As<CommentOnPlan>(Roles.Mentor).CommentAsync(id, view.Plan.Items[0].Id, "Уточните показатель результативности.");
        await portal.Service<MovePlan>(coordinator).MoveAsync(id, await VersionAsync(id), PlanStatus.Returned, "Доработайте раздел о наставничестве.");
        (await portal.Service<PlanQueries>(team).GetAsync(id))!.CanEditContent.Should().BeTrue();

        await portal.Service<MovePlan>(team).MoveAsync(id, await VersionAsync(id), PlanStatus.Submitted, "Доработано.");
        await portal.Service<MovePlan>(coordinator).MoveAsync(id, await VersionAsync(id), PlanStatus.UnderReview, null);
        await portal.Service<MovePlan>(coordinator).MoveAsync(id, await VersionAsync(id), PlanStatus.Approved, null);
        await portal.Service<MovePlan>(team).MoveAsync(id, await VersionAsync(id), PlanStatus.InProgress, null);
        await portal.Service<MovePlan>(team).MoveAsync(id, await VersionAsync(id), PlanStatus.Reported, "Отчёт за ноябрь: проведены два семинара.");
        await portal.Service<MovePlan>(coordinator).MoveAsync(id, await VersionAsync(id), PlanStatus.InProgress, "Отчёт принят.");
        await portal.Service<MovePlan>(team).MoveAsync(id, await VersionAsync(id), PlanStatus.Reported, "Отчёт за декабрь.");
        await portal.Service<MovePlan>(coordinator).MoveAsync(id, await VersionAsync(id), PlanStatus.Assessed, "Программа реализована.");

        var done = (await As<PlanQueries>(Roles.Ministry).GetAsync(id))!;
        done.Plan.Status.Should().Be(PlanStatus.Assessed);
        done.Plan.LastReportAt.Should().NotBeNull();
        done.Plan.Transitions.Select(t => t.To).Should().Equal(
            PlanStatus.Submitted, PlanStatus.UnderReview, PlanStatus.Returned, PlanStatus.Submitted, PlanStatus.UnderReview, PlanStatus.Approved,
            PlanStatus.InProgress, PlanStatus.Reported, PlanStatus.InProgress, PlanStatus.Reported, PlanStatus.Assessed);
        done.Plan.Transitions.Single(t => t.To == PlanStatus.Returned).Comment.Should().Be("Доработайте раздел о наставничестве.");
        done.Plan.Transitions.Single(t => t.To == PlanStatus.Returned).UserName.Should().Be(World.Scope(Roles.Municipal).UserName);
        done.Plan.Comments.Should().ContainSingle().Which.ItemId.Should().Be(view.Plan.Items[0].Id);

        await using var db = portal.System();
        (await db.Notifications.CountAsync(n => n.UserId == World.Scope(Roles.School).UserId && n.Link == $"/roadmaps/{id}")).Should().BeGreaterThan(0);
        (await db.Notifications.CountAsync(n => n.UserId == World.Scope(Roles.Municipal).UserId && n.Link == $"/roadmaps/{id}")).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Two_people_moving_the_same_plan_at_once_the_second_is_told_to_reload_not_that_the_step_is_impossible()
    {
        var id = await DraftSchoolProgrammeAsync(portal);
        var seen = await VersionAsync(id);
        await As<MovePlan>(Roles.School).MoveAsync(id, seen, PlanStatus.Submitted, null);
        var second = () => As<MovePlan>(Roles.School).MoveAsync(id, seen, PlanStatus.Submitted, null);
        (await second.Should().ThrowAsync<StaleEditException>()).WithMessage("План изменён другим пользователем — обновите страницу.");
        (await As<PlanQueries>(Roles.School).GetAsync(id))!.Plan.Status.Should().Be(PlanStatus.Submitted);
    }

    [Fact]
    public async Task Two_first_readers_at_once_write_the_default_sections_once_and_a_second_section_of_one_name_is_refused()
    {
        var region = new Domain.Schools.Region { Id = Guid.NewGuid(), Code = "S" + Random.Shared.Next(100000), Name = "Область С", AuthorityName = "Министерство" };
        await using (var db = portal.System())
        {
            db.Regions.Add(region);
            await db.SaveChangesAsync();
        }
        var operatorOfNewRegion = new UserScope(Guid.NewGuid(), "Оператор С", region.Id, null, null, new HashSet<string> { Roles.Operator });
        var firsts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => portal.Service<PlanSections>(operatorOfNewRegion).ListAsync()));
        firsts.Should().OnlyContain(list => list.Count == Domain.Roadmaps.PlanSection.DefaultTitles.Count);
        await using (var db = portal.System())
        {
            (await db.PlanSections.CountAsync(s => s.RegionId == region.Id)).Should().Be(Domain.Roadmaps.PlanSection.DefaultTitles.Count);
        }
        var again = () => portal.Service<PlanSections>(operatorOfNewRegion).SaveAsync(new PlanSectionEdit { Order = 9, Title = Domain.Roadmaps.PlanSection.DefaultTitles[0] });
        (await again.Should().ThrowAsync<DomainException>()).Which.Refusals.Should().Equal(new Refusal("Раздел с таким названием уже есть.", nameof(PlanSectionEdit.Title)));
    }

    [Fact]
    public async Task Missing_mandatory_sections_block_submission_and_are_listed()
    {
        var id = await DraftSchoolProgrammeAsync(portal, skipSections: 2);
        var act = async () => await As<MovePlan>(Roles.School).MoveAsync(id, await VersionAsync(id), PlanStatus.Submitted, null);
        (await act.Should().ThrowAsync<DomainException>())
            .WithMessage("Не заполнены обязательные разделы: Повышение качества преподавания; Обмен опытом.");
        (await As<PlanQueries>(Roles.School).GetAsync(id))!.Plan.Status.Should().Be(PlanStatus.Draft);
    }

    [Fact]
    public async Task Wrong_roles_and_wrong_steps_are_refused_with_russian_messages()
    {
        var id = await DraftSchoolProgrammeAsync(portal);
        var skip = async () => await As<MovePlan>(Roles.School).MoveAsync(id, await VersionAsync(id), PlanStatus.Approved, null);
        (await skip.Should().ThrowAsync<DomainException>()).WithMessage("Переход из статуса «Черновик» в статус «Утверждён» не предусмотрен.");

        var reviewerSubmits = async () => await As<MovePlan>(Roles.Municipal).MoveAsync(id, await VersionAsync(id), PlanStatus.Submitted, null);
        (await reviewerSubmits.Should().ThrowAsync<ScopeException>()).WithMessage("*только его разработчик*");

        await As<MovePlan>(Roles.School).MoveAsync(id, await VersionAsync(id), PlanStatus.Submitted, null);
        var teamReviews = async () => await As<MovePlan>(Roles.School).MoveAsync(id, await VersionAsync(id), PlanStatus.UnderReview, null);
        (await teamReviews.Should().ThrowAsync<ScopeException>()).WithMessage("*только проверяющий*");
        var mentorReviews = async () => await As<MovePlan>(Roles.Mentor).MoveAsync(id, await VersionAsync(id), PlanStatus.UnderReview, null);
        await mentorReviews.Should().ThrowAsync<ScopeException>();
        var ministryReviews = async () => await As<MovePlan>(Roles.Ministry).MoveAsync(id, await VersionAsync(id), PlanStatus.UnderReview, null);
        await ministryReviews.Should().ThrowAsync<ScopeException>();

        await As<MovePlan>(Roles.Municipal).MoveAsync(id, await VersionAsync(id), PlanStatus.UnderReview, null);
        var silentReturn = async () => await As<MovePlan>(Roles.Municipal).MoveAsync(id, await VersionAsync(id), PlanStatus.Returned, "  ");
        (await silentReturn.Should().ThrowAsync<DomainException>()).WithMessage("*возврат без комментария невозможен*");

        var editUnderReview = async () => await As<SavePlanItem>(Roles.School).SaveItemAsync(new PlanItemEdit
        {
            PlanId = id, Activity = "Новое", Deadline = Today, Responsible = "Директор",
        });
        (await editUnderReview.Should().ThrowAsync<DomainException>()).WithMessage("*нельзя изменять*");
    }

    [Fact]
    public async Task Another_municipality_and_another_region_neither_see_nor_approve_the_plan()
    {
        var id = await DraftSchoolProgrammeAsync(portal);
        await As<MovePlan>(Roles.School).MoveAsync(id, await VersionAsync(id), PlanStatus.Submitted, null);
        var version = await VersionAsync(id);

        (await As<PlanQueries>(Roles.Municipal, "a2").GetAsync(id)).Should().BeNull();
        (await portal.Service<PlanBoard>(World.Scope(Roles.Municipal, "a2")).ListAsync()).Should().NotContain(r => r.Id == id);
        var foreignReview = () => As<MovePlan>(Roles.Municipal, "a2").MoveAsync(id, version, PlanStatus.UnderReview, null);
        await foreignReview.Should().ThrowAsync<ScopeException>();
        var foreignComment = () => As<CommentOnPlan>(Roles.Municipal, "a2").CommentAsync(id, null, "Чужой комментарий");
        await foreignComment.Should().ThrowAsync<ScopeException>();

        (await As<PlanQueries>(Roles.Operator, "b").GetAsync(id)).Should().BeNull();
        (await portal.Service<PlanBoard>(World.Scope(Roles.Admin, "b")).ListAsync()).Should().BeEmpty();
        (await As<PlanQueries>(Roles.School, "b").GetAsync(id)).Should().BeNull();

        (await portal.Service<PlanBoard>(World.Scope(Roles.Municipal)).ListAsync()).Should().Contain(r => r.Id == id);
        (await As<PlanQueries>(Roles.Municipal).GetAsync(id))!.Role.Should().Be(PlanRole.Reviewer);

        using var client = await portal.LoginAsync(TestWorld.Email(Roles.Municipal, "a2"));
        (await client.GetAsync($"/roadmaps/{id}/export.pdf")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var own = await portal.LoginAsync(TestWorld.Email(Roles.Municipal));
        using var pdf = await own.GetAsync($"/roadmaps/{id}/export.pdf");
        pdf.StatusCode.Should().Be(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        (await pdf.Content.ReadAsByteArrayAsync()).Take(4).Should().Equal("%PDF"u8.ToArray());
        using var xlsx = await own.GetAsync($"/roadmaps/{id}/export.xlsx");
        xlsx.StatusCode.Should().Be(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
    }

    [Fact]
    public async Task A_municipal_roadmap_is_drafted_by_the_coordinator_and_approved_by_the_ministry()
    {
        var coordinator = World.Scope(Roles.Municipal);
        var id = await portal.Service<CreatePlan>(coordinator).CreateAsync(new PlanHeaderEdit
        {
            Kind = PlanKind.Roadmap, Title = "Дорожная карта поддержки ШНОР городского округа А1", PeriodFrom = new DateOnly(2026, 11, 1),
            PeriodTo = new DateOnly(2027, 6, 30),
        });
        await portal.Service<SavePlanItem>(coordinator).SaveItemAsync(new PlanItemEdit
        {
            PlanId = id, Activity = "Совещание с директорами ШНОР", Deadline = Today.AddDays(10), Responsible = "Координатор",
        });
        async Task<uint> V() => (await portal.Service<PlanQueries>(coordinator).GetAsync(id))!.Plan.Version;
        await portal.Service<MovePlan>(coordinator).MoveAsync(id, await V(), PlanStatus.Submitted, null);
        var selfReview = async () => await portal.Service<MovePlan>(coordinator).MoveAsync(id, await V(), PlanStatus.UnderReview, null);
        await selfReview.Should().ThrowAsync<ScopeException>();
        await As<MovePlan>(Roles.Operator).MoveAsync(id, await V(), PlanStatus.UnderReview, null);
        await As<MovePlan>(Roles.Ministry).MoveAsync(id, await V(), PlanStatus.Approved, null);

        var coverage = await portal.Service<PlanBoard>(World.Scope(Roles.Ministry)).CoverageAsync();
        coverage.Municipalities.Single(m => m.MunicipalityId == World.A1.Id).HasApprovedRoadmap.Should().BeTrue();
        coverage.Municipalities.Should().NotContain(m => m.MunicipalityId == World.B1.Id);
        coverage.MunicipalityShare.Should().BeGreaterThan(0).And.BeLessThan(CoverageReport.Target);
        (await portal.Service<PlanBoard>(World.Scope(Roles.Municipal, "a2")).CoverageAsync()).Municipalities
            .Should().ContainSingle().Which.MunicipalityId.Should().Be(World.A2.Id);
        var schoolCoverage = async () => await portal.Service<PlanBoard>(World.Scope(Roles.School)).CoverageAsync();
        await schoolCoverage.Should().ThrowAsync<ScopeException>();
    }

    [Fact]
    public async Task A_stale_edit_of_a_plan_or_an_item_is_detected()
    {
        var id = await DraftSchoolProgrammeAsync(portal);
        var view = (await As<PlanQueries>(Roles.School).GetAsync(id))!;
        var first = PlanHeaderEdit.From(view.Plan);
        var second = PlanHeaderEdit.From(view.Plan);
        first.Title += " (ред. 1)";
        await As<SavePlanHeader>(Roles.School).SaveHeaderAsync(first);
        second.Title += " (ред. 2)";
        var stale = () => As<SavePlanHeader>(Roles.School).SaveHeaderAsync(second);
        (await stale.Should().ThrowAsync<StaleEditException>()).WithMessage("*изменён другим пользователем*");

        var itemA = PlanItemEdit.From(view.Plan.Items[0]);
        var itemB = PlanItemEdit.From(view.Plan.Items[0]);
        itemA.Target = "90 %";
        await As<SavePlanItem>(Roles.School).SaveItemAsync(itemA);
        itemB.Target = "80 %";
        var staleItem = () => As<SavePlanItem>(Roles.School).SaveItemAsync(itemB);
        await staleItem.Should().ThrowAsync<StaleEditException>();
        (await As<PlanQueries>(Roles.School).GetAsync(id))!.Plan.Items.Single(i => i.Id == itemA.Id).Target.Should().Be("90 %");
    }

    [Fact]
    public async Task Invalid_plan_input_gets_russian_messages_and_readers_cannot_create_plans()
    {
        var invalid = () => As<CreatePlan>(Roles.School).CreateAsync(new PlanHeaderEdit
        {
            Title = "", PeriodFrom = new DateOnly(2027, 1, 1), PeriodTo = new DateOnly(2026, 1, 1),
        });
        (await invalid.Should().ThrowAsync<DomainException>()).Which.Messages
            .Should().Contain("Укажите наименование плана.").And.Contain("Окончание срока реализации раньше начала.");
        var mentorCreates = () => As<CreatePlan>(Roles.Mentor).CreateAsync(new PlanHeaderEdit { Title = "План" });
        await mentorCreates.Should().ThrowAsync<ScopeException>();
    }
}
