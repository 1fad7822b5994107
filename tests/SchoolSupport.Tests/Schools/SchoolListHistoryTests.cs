using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Schools;

/// <summary>The school card's list history across years, from the lists in force, in scope.</summary>
public sealed class SchoolListHistoryTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const int First = 2040;
    private TestWorld World => portal.World;

    private SchoolListHistory As(string role, string region = "a") => portal.Service<SchoolListHistory>(World.Scope(role, region));

    /// <summary>
    /// 2040: A1 and A1 №2 listed. 2041: A1 listed again (2nd year, new format decided), A1 №2 left, A2 added by the operator.
    /// An unapproved working list of 2042 lists A1 a third time.
    /// </summary>
    private async Task SeedAsync()
    {
        await using var db = portal.System();
        if (db.Set<SupportList>().Any(l => l.Year == First)) return;
        var methodology = new MethodologyVersion { Id = Guid.NewGuid(), RegionId = World.RegionA.Id, Year = First, Version = 1, Name = "т", Json = "{}", Status = MethodologyStatus.Approved };
        db.Add(methodology);
        SupportList List(int year, ListStatus status, string order) => new(status)
        {
            Id = Guid.NewGuid(), RegionId = World.RegionA.Id, Year = year, MethodologyId = methodology.Id, OrderNumber = order,
            OrderDate = order == "" ? null : new DateOnly(year, 9, 15),
        };
        SupportListEntry Entry(SupportList list, Guid school, bool included, bool second = false, bool exited = false, ManualDecision decision = ManualDecision.None) => new()
        {
            Id = Guid.NewGuid(), RegionId = World.RegionA.Id, ListId = list.Id, SchoolId = school, Included = included, Computed = included && decision == ManualDecision.None,
            LowResults = included, ResultsIndex = 0.2, Band = QuartileBand.Low, Cell = MatrixCell.LowLow, SecondConsecutiveYear = second, Exited = exited,
            Decision = decision, Justification = decision == ManualDecision.None ? "" : "Отрицательная динамика по итогам мониторинга",
        };
        var first = List(First, ListStatus.Published, "101-п");
        first.Entries.AddRange([Entry(first, World.SchoolA1.Id, true), Entry(first, World.SchoolA1Second.Id, true), Entry(first, World.SchoolA2.Id, false)]);
        var second = List(First + 1, ListStatus.Published, "202-п");
        var a1 = Entry(second, World.SchoolA1.Id, true, second: true);
        (a1.NewFormat, a1.FormatResponsible, a1.FormatReason) = (SupportFormat.NetworkPartner, "Петрова Ольга Николаевна", "Результаты не улучшились");
        second.Entries.AddRange([a1, Entry(second, World.SchoolA1Second.Id, false, exited: true), Entry(second, World.SchoolA2.Id, true, decision: ManualDecision.Added)]);
        var working = List(First + 2, ListStatus.UnderReview, "");
        working.Entries.Add(Entry(working, World.SchoolA1.Id, true, second: true));
        db.AddRange(first, second, working);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_school_listed_two_years_running_shows_both_years_with_the_second_year_and_its_new_format()
    {
        await SeedAsync();
        var years = (await As(Roles.Municipal).ForAsync(World.SchoolA1.Id)).Where(y => y.Year >= First).ToList();
        years.Select(y => (y.Year, y.Included, y.SecondConsecutiveYear, y.OrderNumber)).Should().Equal((First + 1, true, true, "202-п"), (First, true, false, "101-п"));
        years[0].NewFormat.Should().Be(SupportFormat.NetworkPartner);
    }

    [Fact]
    public async Task A_school_that_left_shows_its_listed_year_and_the_year_it_left()
    {
        await SeedAsync();
        var years = (await As(Roles.Operator).ForAsync(World.SchoolA1Second.Id)).Where(y => y.Year >= First).ToList();
        years.Select(y => (y.Year, y.Included, y.Exited)).Should().Equal((First + 1, false, true), (First, true, false));
    }

    [Fact]
    public async Task A_school_the_operator_added_by_hand_shows_only_that_year_with_the_justification()
    {
        await SeedAsync();
        var years = (await As(Roles.Operator).ForAsync(World.SchoolA2.Id)).Where(y => y.Year >= First).ToList();
        years.Select(y => (y.Year, y.Included, y.Decision, y.Justification)).Should().Equal((First + 1, true, ManualDecision.Added, "Отрицательная динамика по итогам мониторинга"));
    }

    [Fact]
    public async Task Regional_staff_see_the_list_in_work_and_others_only_approved_years()
    {
        await SeedAsync();
        (await As(Roles.Operator).ForAsync(World.SchoolA1.Id)).Should().Contain(y => y.Year == First + 2 && y.ListStatus == ListStatus.UnderReview);
        (await As(Roles.School).ForAsync(World.SchoolA1.Id)).Should().NotContain(y => y.Year == First + 2);
    }

    [Theory]
    [InlineData(Roles.Operator, "b")]
    [InlineData(Roles.Municipal, "a2")]
    public async Task Another_region_or_municipality_sees_no_history_of_the_school(string role, string region)
    {
        await SeedAsync();
        (await As(role, region).ForAsync(World.SchoolA1.Id)).Should().BeEmpty();
    }
}
