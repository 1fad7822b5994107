using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.SchoolYear;
using SchoolSupport.Tests.Monitoring;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Schools;

/// <summary>«Начать новый учебный год»: a preview of what carries over and what closes, then one audited transaction, once a year.</summary>
public sealed class StartNewSchoolYearTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    private StartNewSchoolYear Service(string role, string region, int year)
    {
        var services = portal.ActAs(World.Scope(role, region)).ServiceProvider;
        return new StartNewSchoolYear(services.GetRequiredService<IDbContextFactory<AppDbContext>>(), services.GetRequiredService<ICurrentScope>(),
            MonitoringJobTests.At(year, 9, 2));
    }

    private sealed record Seeded(Guid CurrentAssignment, Guid EndedAssignment, Guid CurrentPartnership, Guid ExpiredPartnership, Guid CurrentPlan);

    /// <summary>In the region: an assignment in term and one ended in the past year, a partnership in term and one expired, a programme under way.</summary>
    private async Task<Seeded> SeedAsync(Region region, School school, int year)
    {
        var mentor = region == World.RegionA ? World.Scope(Roles.Mentor) : World.Scope(Roles.Admin, "b");
        MentorAssignment Assignment(DateOnly to) => new()
        {
            Id = Guid.NewGuid(), RegionId = region.Id, MentorId = mentor.UserId, MentorName = "Смирнова Елена Андреевна", SchoolId = school.Id,
            From = new(year - 1, 9, 1), To = to, Responsibilities = "Сопровождение", AssignedAt = DateTimeOffset.UtcNow,
        };
        Partnership Partnership(string title, DateOnly to) => new(PartnershipStatus.Active)
        {
            Id = Guid.NewGuid(), RegionId = region.Id, LeaderSchoolId = school.Id, Title = title, ValidFrom = new(year - 1, 9, 1), ValidTo = to, CreatedAt = DateTimeOffset.UtcNow,
        };
        var current = Assignment(new(year + 1, 6, 30));
        var ended = Assignment(new(year, 5, 31));
        var inTerm = Partnership($"Партнёрство {year} в сроке", new(year + 1, 8, 31));
        var expired = Partnership($"Партнёрство {year} истекло", new(year, 8, 31));
        var plan = new Plan(PlanStatus.InProgress)
        {
            Id = Guid.NewGuid(), RegionId = region.Id, Level = PlanLevel.School, SchoolId = school.Id, MunicipalityId = school.MunicipalityId,
            Title = $"Программа {year}", PeriodFrom = new(year - 1, 11, 1), PeriodTo = new(year + 1, 5, 31),
        };
        await using var db = portal.System();
        db.AddRange(current, ended, inTerm, expired, plan);
        await db.SaveChangesAsync();
        return new(current.Id, ended.Id, inTerm.Id, expired.Id, plan.Id);
    }

    [Fact]
    public async Task The_preview_shows_what_carries_over_and_what_closes_and_the_confirmation_does_it_in_one_audited_transaction()
    {
        const int year = 2031;
        var seeded = await SeedAsync(World.RegionA, World.SchoolA1, year);
        var service = Service(Roles.Admin, "a", year);

        var preview = await service.PreviewAsync();

        preview.Year.Should().Be(year);
        preview.Done.Should().BeNull();
        preview.CarriedOver.Select(l => l.Id).Should().Contain([seeded.CurrentAssignment, seeded.CurrentPartnership, seeded.CurrentPlan]);
        preview.Closing.Select(l => l.Id).Should().Contain([seeded.EndedAssignment, seeded.ExpiredPartnership]);
        preview.CarriedOver.Should().ContainSingle(l => l.Kind == RolloverKind.Calendar).Which.Detail.Should().Be("будет создан по шаблону «Саратовская модель»");

        var done = await service.ConfirmAsync(year, preview.Token);

        await using var db = portal.System();
        (await db.Partnerships.SingleAsync(p => p.Id == seeded.ExpiredPartnership)).Status.Should().Be(PartnershipStatus.Ended);
        (await db.Partnerships.SingleAsync(p => p.Id == seeded.CurrentPartnership)).Status.Should().Be(PartnershipStatus.Active);
        (await db.Plans.SingleAsync(p => p.Id == seeded.CurrentPlan)).Status.Should().Be(PlanStatus.InProgress);
        (await db.MentorAssignments.CountAsync(a => a.Id == seeded.EndedAssignment || a.Id == seeded.CurrentAssignment)).Should().Be(2, "nothing of the past year is deleted");
        (await db.Set<MonitoringYear>().CountAsync(y => y.RegionId == World.RegionA.Id && y.Year == year)).Should().Be(1);
        var rollover = await db.Set<SchoolYearRollover>().SingleAsync(r => r.RegionId == World.RegionA.Id && r.Year == year);
        rollover.Id.Should().Be(done.Id);
        rollover.DoneBy.Should().Be(await db.Users.Where(u => u.Id == World.Scope(Roles.Admin).UserId).Select(u => u.FullName).SingleAsync());
        rollover.DoneBy.Should().NotContain("@");
        (await db.Audit.AnyAsync(e => e.Action == "school-year.start" && e.EntityId == rollover.Id.ToString())).Should().BeTrue();
        (await service.PreviewAsync()).Done!.Id.Should().Be(rollover.Id);
    }

    [Fact]
    public async Task A_second_start_of_the_same_year_is_refused_in_Russian()
    {
        const int year = 2032;
        await SeedAsync(World.RegionA, World.SchoolA1, year);
        var service = Service(Roles.Admin, "a", year);
        var preview = await service.PreviewAsync();
        await service.ConfirmAsync(year, preview.Token);

        var again = () => service.ConfirmAsync(year, preview.Token);

        (await again.Should().ThrowAsync<DomainException>()).Which.Message.Should().StartWith($"Учебный год {year}/{year + 1} уже начат ")
            .And.EndWith("повторно его начать нельзя.");
        await using var db = portal.System();
        (await db.Set<SchoolYearRollover>().CountAsync(r => r.RegionId == World.RegionA.Id && r.Year == year)).Should().Be(1);
    }

    [Fact]
    public async Task A_stale_preview_or_another_year_is_refused_and_nothing_changes()
    {
        const int year = 2033;
        var seeded = await SeedAsync(World.RegionA, World.SchoolA2, year);
        var service = Service(Roles.Admin, "a", year);
        var preview = await service.PreviewAsync();
        // Someone adds an expired partnership after the preview was shown.
        await SeedAsync(World.RegionA, World.SchoolA2, year);

        var stale = () => service.ConfirmAsync(year, preview.Token);
        var otherYear = () => service.ConfirmAsync(year + 1, preview.Token);

        (await stale.Should().ThrowAsync<StaleEditException>()).Which.Message.Should()
            .Be("Данные изменились после предпросмотра: просмотрите, что будет перенесено и закрыто, ещё раз и подтвердите.");
        (await otherYear.Should().ThrowAsync<DomainException>()).Which.Message.Should()
            .Be($"Начать можно только текущий учебный год {year}/{year + 1}, а не {year + 1}/{year + 2}.");
        await using var db = portal.System();
        (await db.Set<SchoolYearRollover>().AnyAsync(r => r.RegionId == World.RegionA.Id && r.Year == year)).Should().BeFalse();
        (await db.Partnerships.SingleAsync(p => p.Id == seeded.ExpiredPartnership)).Status.Should().Be(PartnershipStatus.Active);
    }

    [Fact]
    public async Task Another_regions_data_is_neither_shown_nor_closed_and_only_the_regional_administrator_starts_the_year()
    {
        const int year = 2034;
        var ofB = await SeedAsync(World.RegionB, World.SchoolB1, year);
        await SeedAsync(World.RegionA, World.SchoolA1, year);
        var service = Service(Roles.Admin, "a", year);

        var preview = await service.PreviewAsync();
        await service.ConfirmAsync(year, preview.Token);

        preview.CarriedOver.Concat(preview.Closing).Select(l => l.Id).Should().NotContain([ofB.CurrentAssignment, ofB.EndedAssignment, ofB.CurrentPartnership, ofB.ExpiredPartnership, ofB.CurrentPlan]);
        await using (var db = portal.System())
        {
            (await db.Partnerships.SingleAsync(p => p.Id == ofB.ExpiredPartnership)).Status.Should().Be(PartnershipStatus.Active);
            (await db.Set<SchoolYearRollover>().AnyAsync(r => r.RegionId == World.RegionB.Id)).Should().BeFalse();
        }
        var ministry = () => Service(Roles.Ministry, "a", year).PreviewAsync();
        var operatorOfB = () => Service(Roles.Operator, "b", year).ConfirmAsync(year, preview.Token);
        await ministry.Should().ThrowAsync<ScopeException>();
        await operatorOfB.Should().ThrowAsync<ScopeException>();
        // Region B starts its own year on its own preview.
        var serviceB = Service(Roles.Admin, "b", year);
        var previewB = await serviceB.PreviewAsync();
        previewB.Closing.Select(l => l.Id).Should().Contain(ofB.ExpiredPartnership);
        await serviceB.ConfirmAsync(year, previewB.Token);
    }
}
