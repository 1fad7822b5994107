using System.Diagnostics;
using SchoolSupport.Domain.Identification;
using Xunit.Abstractions;

namespace SchoolSupport.Tests.Identification;

public sealed class IdentificationPerformanceTests(ITestOutputHelper output)
{
    private const int Schools = 45_000;

    [Theory]
    [InlineData("Kirov")]
    [InlineData("Zernograd")]
    public void Forty_five_thousand_schools_with_three_years_of_results_compute_in_a_few_seconds(string name)
    {
        var random = new Random(11);
        var schools = new SchoolInput[Schools];
        for (var i = 0; i < Schools; i++)
        {
            schools[i] = IdentificationEngineTests.RandomSchool(random, 2025);
        }
        var methodology = name == "Kirov" ? DefaultMethodologies.Kirov(2025) : DefaultMethodologies.Zernograd(2025);

        var watch = Stopwatch.StartNew();
        var result = IdentificationEngine.Compute(methodology, 2025, schools);
        watch.Stop();

        output.WriteLine($"{name}: {Schools} schools, {schools.Sum(s => s.Results.Count)} rows, {watch.ElapsedMilliseconds} ms, "
            + $"ШНОР {result.Schools.Count(s => s.LowResults)}, ШНСУ {result.Schools.Count(s => s.Disadvantaged)}, "
            + $"watch {result.Schools.Count(s => s.Watch)}");
        result.Schools.Should().HaveCount(Schools);
        // Generous for a shared 2-core machine and a Debug build; measured well under this (see the test output).
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }
}
