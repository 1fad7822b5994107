namespace SchoolSupport.Domain.Identification;

/// <summary>Cells of the results × social conditions matrix.</summary>
public enum MatrixCell
{
    /// <summary>Low results and low social index.</summary>
    LowLow = 0,
    /// <summary>Low results although social conditions are normal (неэффективные).</summary>
    Ineffective = 1,
    /// <summary>Normal results despite a low social index (резильентные).</summary>
    Resilient = 2,
    Normal = 3,
}

public enum RuleGroup
{
    LowResults = 0,
    Disadvantaged = 1,
    Watch = 2,
}

/// <summary>Why a rule fired or did not for one school: the rule and the numbers behind the decision (Russian).</summary>
public sealed record RuleEvidence(string RuleCode, RuleGroup Group, string Description, bool Fired, string Details);

/// <summary>A school's ИОР in one year of the look-back; Value null when the school had no data that year.</summary>
public sealed record YearlyResultsIndex(int Year, double? Value, QuartileBand? Band);

/// <summary>ИОР quartile cuts of the region in one year (null when no school had data).</summary>
public sealed record YearlyCuts(int Year, QuartileCuts? Cuts);

/// <summary>The outcome for one school in the identification year.</summary>
public sealed record SchoolIdentification
{
    public required Guid SchoolId { get; init; }
    /// <summary>ИОР in each year of the look-back, oldest first; the last is the identification year.</summary>
    public required IReadOnlyList<YearlyResultsIndex> ResultsIndexByYear { get; init; }
    /// <summary>ИОР in the identification year.</summary>
    public double? ResultsIndex { get; init; }
    public QuartileBand? Band { get; init; }
    public double? SocialIndex { get; init; }
    public QuartileBand? SocialBand { get; init; }
    /// <summary>Null when the school lacks the ИОР or the ИСБ of the identification year.</summary>
    public MatrixCell? Cell { get; init; }
    /// <summary>ШНОР: some LowResults rule fired.</summary>
    public bool LowResults { get; init; }
    /// <summary>ШНСУ: some Disadvantaged rule fired.</summary>
    public bool Disadvantaged { get; init; }
    /// <summary>Preventive status: some Watch rule fired and the school is not listed.</summary>
    public bool Watch { get; init; }
    /// <summary>Listed last year and listed again: the support format has to change.</summary>
    public bool SecondConsecutiveYear { get; init; }
    /// <summary>Listed last year and not any more.</summary>
    public bool Exited { get; init; }
    public required IReadOnlyList<RuleEvidence> Evidence { get; init; }

    public bool IsListed => LowResults || Disadvantaged;
}

/// <summary>The draft list computation for a region and year.</summary>
public sealed record IdentificationResult
{
    public required int Year { get; init; }
    public required string MethodologyName { get; init; }
    public required int MethodologyVersion { get; init; }
    /// <summary>ИОР quartile cuts per year of the look-back, oldest first.</summary>
    public required IReadOnlyList<YearlyCuts> ResultsCuts { get; init; }
    public QuartileCuts? SocialCuts { get; init; }
    /// <summary>Where the matrix splits the ИОР and the ИСБ axes in the identification year (null without data).</summary>
    public double? ResultsMatrixCut { get; init; }
    public double? SocialMatrixCut { get; init; }
    /// <summary>Weights of the ИСБ inputs actually used (entered, or fitted by regression), in the methodology's input order.</summary>
    public required IReadOnlyList<double> SocialWeights { get; init; }
    /// <summary>The regression behind the weights in FittedByRegression mode; null otherwise or when the fit failed.</summary>
    public RegressionFit? SocialFit { get; init; }
    /// <summary>One entry per input school, in input order.</summary>
    public required IReadOnlyList<SchoolIdentification> Schools { get; init; }
    /// <summary>Problems the operator should know about (Russian), e.g. the regression fell back to entered weights.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
