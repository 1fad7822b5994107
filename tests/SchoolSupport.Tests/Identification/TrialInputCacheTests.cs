using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Results;
using SchoolSupport.Infrastructure.Identification;
using SchoolSupport.Infrastructure.Results;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Identification;

/// <summary>
/// The trial run keeps a region's engine inputs in memory (<see cref="EngineInputs"/>) while nothing that feeds the engine is written:
/// a repeated trial gives the same list from memory, and any write of results (an import's upsert, a re-import by COPY), profiles
/// or schools makes the next trial read the database again. Region A, hand-computed: share below the minimum in ОГЭ of 30 %
/// for Школа № 1 А1 and 3 % for Школа № 2 А1 in each year; the Kirov methodology (more than 10 % in each of 3 years) lists only
/// Школа № 1 А1. Each test has its own years, so the tests do not see each other's rows.
/// </summary>
public sealed class TrialInputCacheTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    private T As<T>(string role, string region = "a") where T : notnull => portal.Service<T>(World.Scope(role, region));

    private async Task<Guid> SeedAsync(int year, decimal first = 30m, decimal second = 3m)
    {
        await using (var db = portal.System())
        {
            db.Results.AddRange(Rows(year, World.SchoolA1, first).Concat(Rows(year, World.SchoolA1Second, second)));
            await db.SaveChangesAsync();
        }
        var draft = await As<Methodologies>(Roles.Operator).NewDraftAsync(year, "Kirov");
        return draft.Id;
    }

    private IEnumerable<AssessmentResult> Rows(int year, Domain.Schools.School school, decimal below)
    {
        for (var y = year - 2; y <= year; y++)
        {
            foreach (var subject in new[] { Subject.Russian, Subject.Mathematics })
            {
                yield return new AssessmentResult { RegionId = school.RegionId, SchoolId = school.Id, Year = y, Kind = AssessmentKind.Oge, Grade = 9,
                    Subject = subject, Participants = 40, MeanScore = 25 - below / 3, BelowMinimumShare = below, FailShare = below };
            }
        }
    }

    private static string[] Listed(TrialOutcome outcome) => [.. outcome.Schools.Where(s => s.Listed).Select(s => s.School).Order()];

    [Fact]
    public async Task A_repeated_trial_reads_the_inputs_from_memory_and_gives_the_same_list()
    {
        const int year = 2017;
        var draft = await SeedAsync(year);
        var trial = As<RunTrial>(Roles.Operator);
        var first = await trial.RunAsync(draft, year);
        var again = await trial.RunAsync(draft, year);

        Listed(first).Should().Equal("Школа № 1 А1");
        Listed(again).Should().Equal(Listed(first));
        again.Schools.Select(s => (s.SchoolId, s.ResultsIndex, s.Status)).Should().Equal(first.Schools.Select(s => (s.SchoolId, s.ResultsIndex, s.Status)));
        again.Schools.SelectMany(s => s.Evidence.Select(e => e.Details)).Should().Equal(first.Schools.SelectMany(s => s.Evidence.Select(e => e.Details)));

        // Straight from the cache: the second load of the same stamp comes from memory and equals a fresh read of the database.
        var cache = As<EngineInputs>(Roles.Operator);
        var methodology = DefaultMethodologies.Kirov(year);
        await using var db = portal.System();
        var stamp = await EngineInputs.StampAsync(db, CancellationToken.None);
        var (cached, fromMemory) = await cache.LoadAsync(db, World.RegionA.Id, year, methodology, stamp, CancellationToken.None);
        fromMemory.Should().BeTrue();
        var fresh = await RunIdentification.LoadInputsAsync(db, World.RegionA.Id, year, methodology, CancellationToken.None);
        cached.Select(s => (s.SchoolId, s.Results.Count, s.Profiles.Count, s.Previous)).Should()
            .Equal(fresh.Select(s => (s.SchoolId, s.Results.Count, s.Profiles.Count, s.Previous)));
        cached.SelectMany(s => s.Results).Should().Equal(fresh.SelectMany(s => s.Results));
    }

    [Fact]
    public async Task A_trial_after_results_are_imported_again_uses_the_new_results()
    {
        const int year = 2020;
        var draft = await SeedAsync(year);
        var trial = As<RunTrial>(Roles.Operator);
        Listed(await trial.RunAsync(draft, year)).Should().Equal("Школа № 1 А1");

        // An import's upsert: Школа № 2 А1 now has 30 % below the minimum every year.
        await using (var db = portal.System())
        {
            await db.Results.Where(r => r.SchoolId == World.SchoolA1Second.Id && r.Year >= year - 2 && r.Year <= year)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.BelowMinimumShare, 30m));
        }
        Listed(await trial.RunAsync(draft, year)).Should().Equal("Школа № 1 А1", "Школа № 2 А1");

        // A re-import by COPY: Школа № 1 А1's rows replaced with 2 % — it leaves the would-be list.
        await using (var db = portal.System())
        {
            await db.Results.Where(r => r.SchoolId == World.SchoolA1.Id && r.Year >= year - 2 && r.Year <= year).ExecuteDeleteAsync();
            await BulkCopy.ResultsAsync(db, Rows(year, World.SchoolA1, 2m), CancellationToken.None);
        }
        Listed(await trial.RunAsync(draft, year)).Should().Equal("Школа № 2 А1");
    }

    [Fact]
    public async Task Renaming_a_school_or_writing_profiles_makes_the_next_trial_read_the_database_again()
    {
        const int year = 2023;
        var draft = await SeedAsync(year);
        var trial = As<RunTrial>(Roles.Operator);
        await trial.RunAsync(draft, year);
        long before;
        await using (var db = portal.System()) before = await EngineInputs.StampAsync(db, CancellationToken.None);

        await using (var db = portal.System())
        {
            await db.Schools.Where(s => s.Id == World.SchoolA1.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.ShortName, "Школа № 1 А1 (переименована)"));
        }
        try
        {
            Listed(await trial.RunAsync(draft, year)).Should().Equal("Школа № 1 А1 (переименована)");
        }
        finally
        {
            await using var db = portal.System();
            await db.Schools.Where(s => s.Id == World.SchoolA1.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.ShortName, "Школа № 1 А1"));
        }
        await using (var db = portal.System())
        {
            await db.Set<Domain.Schools.SchoolYearProfile>().Where(p => p.SchoolId == World.SchoolA1.Id && p.Year == year).ExecuteDeleteAsync();
            (await EngineInputs.StampAsync(db, CancellationToken.None)).Should().BeGreaterThan(before + 1, "each writing statement adds a row to the input version");
        }
    }

    [Fact]
    public async Task A_trial_of_a_year_whose_results_were_deleted_is_refused_even_when_its_inputs_were_in_memory()
    {
        const int year = 2026;
        var draft = await SeedAsync(year);
        var trial = As<RunTrial>(Roles.Operator);
        (await trial.RunAsync(draft, year)).Listed.Should().Be(1);
        await using (var db = portal.System())
        {
            await db.Results.Where(r => r.RegionId == World.RegionA.Id && r.Year == year).ExecuteDeleteAsync();
        }
        var run = () => trial.RunAsync(draft, year);
        (await run.Should().ThrowAsync<DomainException>()).WithMessage($"Результатов оценочных процедур за {year} год в регионе нет*");
    }

    [Fact]
    public async Task Another_regions_operator_cannot_run_a_trial_of_this_regions_methodology()
    {
        const int year = 2016;
        var draft = (await As<Methodologies>(Roles.Operator).NewDraftAsync(year, "Kirov")).Id;
        var run = () => As<RunTrial>(Roles.Operator, "b").RunAsync(draft, year);
        await run.Should().ThrowAsync<ScopeException>();
    }
}
