namespace SchoolSupport.Domain.Monitoring;

/// <summary>Dynamics of a school's results between two years, from its aggregated rows (no personal data).</summary>
public static class ResultsDynamics
{
    /// <summary>Share below the minimum score over all of a school's assessments in a year, weighted by participants; null without participants.</summary>
    public static decimal? WeightedBelowMinimum(IEnumerable<(int Participants, decimal BelowMinimumShare)> rows)
    {
        var list = rows.Where(r => r.Participants > 0).ToList();
        var participants = list.Sum(r => r.Participants);
        return participants == 0 ? null : Math.Round(list.Sum(r => r.Participants * r.BelowMinimumShare) / participants, 2);
    }

    /// <summary>Positive dynamics: fewer students below the minimum than the year before.</summary>
    public static bool? IsPositive(decimal? previous, decimal? current) =>
        previous is null || current is null ? null : current < previous;
}
