using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Development;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Development;
using SchoolSupport.Infrastructure.Identification;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Common;

/// <summary>
/// Issue #16: the next actor hears of a new methodology and of a PD application, in-app and in the captured e-mail, and
/// nobody of another region does.
/// </summary>
public sealed class MoreNoticesTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    private async Task<List<Notification>> NoticesOfAsync(string role, string region = "a")
    {
        await using var db = portal.System();
        var user = World.Scope(role, region).UserId;
        return await db.Notifications.Where(n => n.UserId == user).ToListAsync();
    }

    [Fact]
    public async Task A_new_methodology_version_is_announced_to_the_ministry_of_its_region_only()
    {
        var row = await portal.Service<Methodologies>(World.Scope(Roles.Operator)).NewDraftAsync(2043, "Kirov");

        var notice = (await NoticesOfAsync(Roles.Ministry)).Should().ContainSingle(n => n.Title.Contains($"на 2043 год (версия {row.Version})")).Subject;
        notice.Body.Should().Contain("ожидает утверждения");
        notice.Link.Should().Be("/identification");
        await using (var db = portal.System())
        {
            (await db.Notifications.Where(n => n.Title.Contains("на 2043 год")).Select(n => n.RegionId).Distinct().ToListAsync())
                .Should().Equal([World.RegionA.Id], "nobody of another region hears of it");
        }
        await WaitForMailAsync(TestWorld.Email(Roles.Ministry), "2043");
    }

    [Fact]
    public async Task A_pd_application_is_announced_to_the_operators_and_a_second_one_is_refused_without_a_notice()
    {
        var pdEvent = new PdEvent
        {
            Id = Guid.NewGuid(), RegionId = World.RegionA.Id, Kind = default, Title = "Курс «Формирующее оценивание» (уведомления)", Organiser = "СОИРО",
            StartsOn = DateOnly.FromDateTime(DateTime.Today.AddDays(20)), EndsOn = DateOnly.FromDateTime(DateTime.Today.AddDays(22)), Hours = 16, Audience = "учителя",
        };
        await using (var db = portal.System())
        {
            db.Add(pdEvent);
            await db.SaveChangesAsync();
        }

        var school = portal.Service<ProfessionalDevelopment>(World.Scope(Roles.School));
        await school.ApplyAsync(pdEvent.Id, 3, null);
        var again = () => school.ApplyAsync(pdEvent.Id, 3, null);
        await again.Should().ThrowAsync<DomainException>().WithMessage("Школа уже подала заявку на это мероприятие.");

        (await NoticesOfAsync(Roles.Operator)).Should().ContainSingle(n => n.Title.Contains(pdEvent.Title))
            .Which.Body.Should().Contain("участников — 3");
        (await NoticesOfAsync(Roles.Operator, "b")).Should().NotContain(n => n.Title.Contains(pdEvent.Title), "another region");
        await WaitForMailAsync(TestWorld.Email(Roles.Operator), "Формирующее оценивание");
    }

    private async Task WaitForMailAsync(string to, string text)
    {
        (await portal.Mailbox.ReceivedAsync(to, text)).Should().BeTrue("the next actor gets the letter on the loopback SMTP server");
    }
}
