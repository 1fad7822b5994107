using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>The recurring entry: the identification year is the calendar year of the run (the region's day is in the autumn).</summary>
public sealed class YearlyIdentification(RunIdentification run, TimeProvider clock)
{
    public Task<Guid> RunAsync(Guid regionId, CancellationToken ct) => run.RunAsync(regionId, clock.GetUtcNow().Year, InfraText.Identification_Scheduled, null, ct);
}
