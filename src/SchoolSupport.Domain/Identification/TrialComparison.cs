namespace SchoolSupport.Domain.Identification;

/// <summary>How a school moves between a list it is compared with (the baseline) and the trial's would-be list.</summary>
public enum Movement
{
    /// <summary>In neither list.</summary>
    None = 0,
    /// <summary>In the trial list, not in the baseline: it would enter.</summary>
    Entered = 1,
    /// <summary>In the baseline, not in the trial list: it would leave.</summary>
    Left = 2,
    /// <summary>In both.</summary>
    Stayed = 3,
}

/// <summary>Entered / left / stayed between a baseline list and a trial's list.</summary>
public sealed record ListDifference(int Entered, int Left, int Stayed)
{
    public static Movement Of(bool inBaseline, bool inTrial) => (inBaseline, inTrial) switch
    {
        (false, true) => Movement.Entered,
        (true, false) => Movement.Left,
        (true, true) => Movement.Stayed,
        _ => Movement.None,
    };

    /// <summary>Counts the movements of the schools; each school appears once.</summary>
    public static ListDifference Of(IEnumerable<(bool InBaseline, bool InTrial)> schools)
    {
        ArgumentNullException.ThrowIfNull(schools);
        int entered = 0, left = 0, stayed = 0;
        foreach (var (inBaseline, inTrial) in schools)
        {
            switch (Of(inBaseline, inTrial))
            {
                case Movement.Entered: entered++; break;
                case Movement.Left: left++; break;
                case Movement.Stayed: stayed++; break;
            }
        }
        return new ListDifference(entered, left, stayed);
    }
}

/// <summary>One line of a breakdown (a municipality, a status, a matrix cell): how many schools each list has there.</summary>
public sealed record BreakdownRow(string Key, int Trial, int? Current, int? Previous);
