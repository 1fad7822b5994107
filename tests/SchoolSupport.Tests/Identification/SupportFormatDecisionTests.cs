using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Identification;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Identification;

/// <summary>The operator records the second-year support-format decision on a real database; the list waits for it.</summary>
public sealed class SupportFormatDecisionTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    private T As<T>(string role, string region = "a") where T : notnull => portal.Service<T>(World.Scope(role, region));

    /// <summary>A list in review for a year of its own: School A1 in its second year, School A1 №2 in its first.</summary>
    private async Task<Guid> ListInReviewAsync(int year)
    {
        var id = Guid.NewGuid();
        await using var db = portal.System();
        var methodology = new MethodologyVersion { Id = Guid.NewGuid(), RegionId = World.RegionA.Id, Year = year, Version = 1, Name = "т", Json = "{}", Status = MethodologyStatus.Approved };
        var list = new SupportList(ListStatus.UnderReview) { Id = id, RegionId = World.RegionA.Id, Year = year, MethodologyId = methodology.Id };
        list.Entries.Add(new SupportListEntry { Id = Guid.NewGuid(), RegionId = World.RegionA.Id, ListId = id, SchoolId = World.SchoolA1.Id, Computed = true, Included = true, LowResults = true, SecondConsecutiveYear = true });
        list.Entries.Add(new SupportListEntry { Id = Guid.NewGuid(), RegionId = World.RegionA.Id, ListId = id, SchoolId = World.SchoolA1Second.Id, Computed = true, Included = true, LowResults = true });
        db.AddRange(methodology, list);
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<SupportList> LoadAsync(Guid id)
    {
        await using var db = portal.System();
        return await db.Set<SupportList>().AsNoTracking().Include(l => l.Entries).SingleAsync(l => l.Id == id);
    }

    [Fact]
    public async Task The_list_is_submitted_only_after_the_operator_records_the_format_for_the_second_year_school()
    {
        var id = await ListInReviewAsync(2033);
        var submit = async () => await As<SubmitList>(Roles.Operator).SubmitAsync(id, (await LoadAsync(id)).RowVersion);
        (await submit.Should().ThrowAsync<DomainException>()).WithMessage($"*без решения о смене формата поддержки: {World.SchoolA1.ShortName}.*");
        (await LoadAsync(id)).Status.Should().Be(ListStatus.UnderReview);

        await As<DecideSupportFormat>(Roles.Operator).DecideAsync(id, (await LoadAsync(id)).RowVersion, World.SchoolA1.Id, SupportFormat.MentorChange,
            "Петрова Ольга Николаевна", "Результаты за первый год не улучшились");
        await submit();
        var list = await LoadAsync(id);
        list.Status.Should().Be(ListStatus.Submitted);
        var entry = list.Entries.Single(e => e.SchoolId == World.SchoolA1.Id);
        (entry.NewFormat, entry.FormatResponsible, entry.FormatReason).Should().Be((SupportFormat.MentorChange, "Петрова Ольга Николаевна", "Результаты за первый год не улучшились"));
    }

    [Fact]
    public async Task A_decision_without_a_reason_is_refused_and_nothing_is_recorded()
    {
        var id = await ListInReviewAsync(2034);
        var decide = async () => await As<DecideSupportFormat>(Roles.Operator).DecideAsync(id, (await LoadAsync(id)).RowVersion, World.SchoolA1.Id,
            SupportFormat.ConsultingCentre, "Петрова Ольга Николаевна", "");
        (await decide.Should().ThrowAsync<DomainException>()).WithMessage("Укажите обоснование смены формата поддержки*");
        (await LoadAsync(id)).Entries.Single(e => e.SchoolId == World.SchoolA1.Id).NewFormat.Should().BeNull();
    }

    [Theory]
    [InlineData(Roles.Operator, "b")]
    [InlineData(Roles.Municipal, "a")]
    [InlineData(Roles.Ministry, "a")]
    public async Task Another_region_s_operator_and_other_roles_cannot_record_a_format_decision(string role, string region)
    {
        var id = await ListInReviewAsync(2035 + (region == "b" ? 0 : role == Roles.Municipal ? 1 : 2));
        var decide = async () => await As<DecideSupportFormat>(role, region).DecideAsync(id, (await LoadAsync(id)).RowVersion, World.SchoolA1.Id,
            SupportFormat.ConsultingCentre, "Петрова Ольга Николаевна", "Результаты за первый год не улучшились");
        await decide.Should().ThrowAsync<ScopeException>();
        (await LoadAsync(id)).Entries.Single(e => e.SchoolId == World.SchoolA1.Id).NewFormat.Should().BeNull();
    }
}
