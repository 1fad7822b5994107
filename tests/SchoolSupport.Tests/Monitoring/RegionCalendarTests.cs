using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Infrastructure.Jobs;
using SchoolSupport.Infrastructure.Monitoring;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Monitoring;

/// <summary>Each region chooses its calendar template, edits its stages and tasks and sets its own identification day.</summary>
public sealed class RegionCalendarTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    private MonitoringCalendar Calendar(string role = Roles.Admin, string region = "a") => portal.Service<MonitoringCalendar>(World.Scope(role, region));

    private CalendarSettings Settings(string role = Roles.Admin, string region = "a") => portal.Service<CalendarSettings>(World.Scope(role, region));

    private string? CronOf(string jobId)
    {
        using var connection = portal.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().FirstOrDefault(j => j.Id == jobId)?.Cron;
    }

    [Fact]
    public async Task A_region_that_chooses_the_Kirov_model_gets_its_three_stages_and_identification_on_1_November_without_touching_another_region()
    {
        var year = Calendar().CurrentYear;
        await Calendar(Roles.Operator, "b").EnsureYearAsync(year);

        await Settings().ChooseTemplateAsync(CalendarTemplate.Kirov, rebuildYear: year);

        var view = await Calendar().GetAsync(year);
        view!.Year.Stages.Select(s => s.Title).Should().Equal("Выявление школ и динамика результатов", "Профессиональные дефициты педагогов", "Участие в мероприятиях ИРО");
        view.Year.Stages[0].Closes.Should().Be(new DateOnly(year, 11, 1));
        view.Year.Stages[1].Opens.Should().Be(new DateOnly(year + 1, 3, 1));
        view.Year.Stages[2].Opens.Should().Be(new DateOnly(year + 1, 5, 1));
        view.Year.Stages[2].Closes.Should().Be(new DateOnly(year + 1, 6, 30));
        var settings = await Settings().GetAsync();
        settings.Template.Should().Be(CalendarTemplate.Kirov);
        (settings.IdentificationMonth, settings.IdentificationDay).Should().Be((11, 1));
        CronOf(RegionJobs.IdentificationId(World.RegionA.Code)).Should().Be("0 2 1 11 *");

        // Region B keeps the Saratov model: four stages and 1 September.
        (await Calendar(Roles.Operator, "b").GetAsync(year))!.Year.Stages.Should().HaveCount(4);
        (await Settings(Roles.Admin, "b").GetAsync()).Template.Should().Be(CalendarTemplate.Saratov);
        await using var db = portal.System();
        (await db.Audit.AnyAsync(e => e.Action == "calendar.template" && e.RegionId == World.RegionA.Id)).Should().BeTrue();
    }

    [Fact]
    public async Task The_identification_day_moves_the_regions_recurring_job_at_once()
    {
        await portal.Services.GetRequiredService<RegionJobs>().RegisterAsync(World.RegionB.Id);

        await Settings(Roles.Operator).SetIdentificationDayAsync(10, 15);

        var settings = await Settings().GetAsync();
        (settings.IdentificationMonth, settings.IdentificationDay).Should().Be((10, 15));
        CronOf(RegionJobs.IdentificationId(World.RegionA.Code)).Should().Be("0 2 15 10 *");
        CronOf(RegionJobs.IdentificationId(World.RegionB.Code)).Should().Be("0 2 1 9 *");
    }

    [Fact]
    public async Task An_identification_day_outside_the_autumn_or_a_day_the_month_lacks_is_refused_in_Russian_and_nothing_changes()
    {
        var before = await Settings(Roles.Admin, "b").GetAsync();

        var spring = () => Settings(Roles.Admin, "b").SetIdentificationDayAsync(3, 1);
        var lacking = () => Settings(Roles.Admin, "b").SetIdentificationDayAsync(11, 31);

        (await spring.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be("Дата выявления школ должна быть в период с 1 сентября по 31 декабря.");
        (await lacking.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be("В выбранном месяце нет 31-го числа.");
        (await Settings(Roles.Admin, "b").GetAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Stages_and_tasks_are_added_re_dated_and_removed_and_the_later_stages_move_up()
    {
        var year = Calendar().CurrentYear + 1;
        await Calendar().EnsureYearAsync(year);
        var stageId = await Calendar().AddStageAsync(year, "Региональный семинар", "Итоги года", new DateOnly(year + 1, 6, 1), new DateOnly(year + 1, 6, 30));
        var templateId = await Calendar(Roles.Operator).AddTemplateAsync(stageId, MonitoringActor.Municipal, "Представить итоги года", new DateOnly(year + 1, 6, 20), "Справка");
        await Calendar().UpdateTemplateDueAsync(templateId, new DateOnly(year + 1, 6, 25));

        var view = (await Calendar().GetAsync(year))!;
        var added = view.Year.Stages.Single(s => s.Id == stageId);
        added.Templates.Single().Due.Should().Be(new DateOnly(year + 1, 6, 25));
        var count = view.Year.Stages.Count;
        added.Number.Should().Be(count);

        await Calendar().RemoveTemplateAsync(templateId);
        await Calendar().RemoveStageAsync(view.Year.Stages[0].Id);

        var after = (await Calendar().GetAsync(year))!;
        after.Year.Stages.Select(s => s.Number).Should().Equal(Enumerable.Range(1, count - 1));
        after.Year.Stages.Last().Id.Should().Be(stageId);
        after.Year.Stages.Last().Templates.Should().BeEmpty();
    }

    [Fact]
    public async Task A_stage_without_a_title_or_outside_the_year_and_a_task_without_text_are_refused_in_Russian()
    {
        var year = Calendar().CurrentYear + 1;
        await Calendar().EnsureYearAsync(year);
        var stages = (await Calendar().GetAsync(year))!.Year.Stages.Count;

        var untitled = () => Calendar().AddStageAsync(year, " ", "", new DateOnly(year, 10, 1), new DateOnly(year, 10, 31));
        var outside = () => Calendar().AddStageAsync(year, "Поздний этап", "", new DateOnly(year + 2, 1, 1), new DateOnly(year + 2, 1, 31));
        var firstStage = (await Calendar().GetAsync(year))!.Year.Stages[0].Id;
        var empty = () => Calendar().AddTemplateAsync(firstStage, MonitoringActor.School, "", new DateOnly(year, 12, 1), "");

        (await untitled.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be("Укажите название этапа.");
        (await outside.Should().ThrowAsync<DomainException>()).Which.Message.Should()
            .Be($"Этап «Поздний этап»: сроки должны быть в пределах с 01.09.{year} по 31.12.{year + 1} (мониторинг {year}/{year + 1} учебного года).");
        (await empty.Should().ThrowAsync<DomainException>()).Which.Message.Should().Be("Укажите, что нужно сделать.");
        (await Calendar().GetAsync(year))!.Year.Stages.Should().HaveCount(stages);
    }

    [Fact]
    public async Task A_stage_with_done_tasks_is_not_removed()
    {
        var year = Calendar().CurrentYear - 1;
        await Calendar(Roles.Admin, "b").EnsureYearAsync(year);
        var stage = (await Calendar(Roles.Admin, "b").GetAsync(year))!.Year.Stages[0];
        await using (var db = portal.System())
        {
            db.Add(new MonitoringTask
            {
                Id = Guid.NewGuid(), RegionId = World.RegionB.Id, StageId = stage.Id, TemplateId = stage.Templates[0].Id, TargetId = World.RegionB.Id,
                Title = stage.Templates[0].What, Due = stage.Templates[0].Due, Status = MonitoringTaskStatus.Done, CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var remove = () => Calendar(Roles.Admin, "b").RemoveStageAsync(stage.Id);

        (await remove.Should().ThrowAsync<DomainException>()).Which.Message.Should()
            .Be($"Этап 1 «{stage.Title}» нельзя удалить: по нему уже выполнены задачи. Измените его сроки.");
        (await Calendar(Roles.Admin, "b").GetAsync(year))!.Year.Stages.Should().Contain(s => s.Id == stage.Id);
    }

    [Fact]
    public async Task Another_regions_stage_cannot_be_removed_and_other_roles_cannot_choose_the_template()
    {
        var year = Calendar().CurrentYear;
        await Calendar(Roles.Operator, "b").EnsureYearAsync(year);
        var stageOfB = (await Calendar(Roles.Operator, "b").GetAsync(year))!.Year.Stages[0];

        var foreign = () => Calendar().RemoveStageAsync(stageOfB.Id);
        var ministry = () => Settings(Roles.Ministry).ChooseTemplateAsync(CalendarTemplate.Kirov);
        var school = () => Calendar(Roles.School).AddStageAsync(year, "Этап", "", new DateOnly(year, 10, 1), new DateOnly(year, 10, 2));

        await foreign.Should().ThrowAsync<ScopeException>();
        await ministry.Should().ThrowAsync<ScopeException>();
        await school.Should().ThrowAsync<ScopeException>();
        (await Calendar(Roles.Operator, "b").GetAsync(year))!.Year.Stages.Should().Contain(s => s.Id == stageOfB.Id);
    }
}
