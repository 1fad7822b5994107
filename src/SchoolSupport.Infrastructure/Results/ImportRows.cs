using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Resources;
using SchoolSupport.Infrastructure.Structure;

namespace SchoolSupport.Infrastructure.Results;

/// <summary>A school of the importer's region: its id, and its place in PostgreSQL's order of ids.</summary>
internal readonly record struct RegisteredSchool(Guid Id, int Rank);

/// <summary>The cells of one row, in the order of the import's columns: slices of a CSV line, or the strings of a workbook row.</summary>
internal readonly ref struct Cells
{
    private readonly ReadOnlySpan<char> _line;
    private readonly ReadOnlySpan<Range> _ranges;
    private readonly string[]? _strings;
    private readonly int[] _columns;

    public Cells(string[] cells, int[] columns)
    {
        _strings = cells;
        _columns = columns;
    }

    public Cells(ReadOnlySpan<char> line, ReadOnlySpan<Range> ranges, int[] columns)
    {
        _line = line;
        _ranges = ranges;
        _columns = columns;
    }

    public ReadOnlySpan<char> this[int column]
    {
        get
        {
            var i = _columns[column];
            if (_strings is not null) return i < _strings.Length ? _strings[i] : default;
            return i < _ranges.Length ? _line[_ranges[i]] : default;
        }
    }
}

/// <summary>
/// Checks the rows of one file with Russian messages and turns the good ones into entities. Rows may be parsed in parallel,
/// each into its own slot; <see cref="Finish"/> then sorts them as the primary key sorts them (which also makes the database
/// write its index in order) and reports rows that repeat a key.
/// </summary>
internal sealed class RowParser
{
    private readonly PreparedImport _prepared;
    private readonly Dictionary<string, RegisteredSchool>.AlternateLookup<ReadOnlySpan<char>> _schools;
    private readonly int _maxYear;
    private readonly List<Parsed> _sequential = [];
    private Parsed[] _slots = [];

    private readonly record struct Parsed(long Key, int Row, object? Item);

    public RowParser(PreparedImport prepared, Dictionary<string, RegisteredSchool> schools, int maxYear)
    {
        _prepared = prepared;
        _schools = schools.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxYear = maxYear;
    }

    /// <summary>Errors found by the sequential path; the parallel path adds its own lists here before <see cref="Finish"/>.</summary>
    public List<ImportError> Errors { get; } = [];

    /// <summary>Room for rows parsed in parallel, one slot per line of the file.</summary>
    public void ReserveSlots(int count) => _slots = new Parsed[count];

    /// <summary>The errors shown: the first 500 by row, and one more tells that there are more.</summary>
    private const int MaxErrorsKept = 500;

    /// <summary>
    /// Parses one row. Rows come to one list of errors in the order of the file, so a list never needs more than the first
    /// 501 errors: a file that is wrong on every one of a million rows does not hold millions of messages.
    /// </summary>
    public void Parse(Cells cells, int row, List<ImportError> errors, int slot = -1)
    {
        var parsed = _prepared.Kind == ImportKind.Results ? ParseResult(cells, row, errors) : ParseProfile(cells, row, errors);
        if (errors.Count > MaxErrorsKept + 1) errors.RemoveRange(MaxErrorsKept + 1, errors.Count - MaxErrorsKept - 1);
        if (parsed.Item is null) return;
        if (slot >= 0) _slots[slot] = parsed;
        else _sequential.Add(parsed);
    }

    /// <summary>Parses one row for the import pipeline: its key (the primary key's order) and entity, or false with the errors added.</summary>
    public bool TryParse(Cells cells, int row, List<ImportError> errors, out long key, out object? item)
    {
        var parsed = _prepared.Kind == ImportKind.Results ? ParseResult(cells, row, errors) : ParseProfile(cells, row, errors);
        key = parsed.Key;
        item = parsed.Item;
        return item is not null;
    }

    public void Finish()
    {
        var count = _sequential.Count;
        foreach (var slot in _slots) if (slot.Item is not null) count++;
        var parsed = new Parsed[count];
        var keys = new long[count];
        var n = 0;
        foreach (var slot in _slots) if (slot.Item is not null) parsed[n++] = slot;
        foreach (var row in _sequential) parsed[n++] = row;
        for (var i = 0; i < count; i++) keys[i] = parsed[i].Key;
        Array.Sort(keys, parsed);
        var repeats = new List<(int Row, int FirstRow)>();
        var first = 0;
        for (var i = 1; i < count; i++)
        {
            if (keys[i] == keys[first])
            {
                if (parsed[i].Row < parsed[first].Row) (parsed[i], parsed[first]) = (parsed[first], parsed[i]);
                continue;
            }
            for (var j = first + 1; j < i; j++) repeats.Add((parsed[j].Row, parsed[first].Row));
            first = i;
        }
        for (var j = first + 1; j < count; j++) repeats.Add((parsed[j].Row, parsed[first].Row));
        foreach (var (row, firstRow) in repeats.OrderBy(r => r.Row).Take(MaxErrorsKept + 1))
        {
            Errors.Add(new ImportError(row, _prepared.Kind == ImportKind.Results
                ? InfraFormat.Of(InfraText.Import_DuplicateResultRow, firstRow)
                : InfraFormat.Of(InfraText.Import_DuplicateContextRow, firstRow)));
        }
        // A repeat is an error, not a row to write: only the first row of each key counts as a row without errors.
        if (_prepared.Kind == ImportKind.Results) _prepared.ResultRows.Capacity = count - repeats.Count;
        for (var i = 0; i < count; i++)
        {
            if (i > 0 && keys[i] == keys[i - 1]) continue;
            if (parsed[i].Item is AssessmentResult result) _prepared.ResultRows.Add(result);
            else _prepared.ProfileRows.Add((SchoolYearProfile)parsed[i].Item!);
        }
        var ordered = Errors.OrderBy(e => e.Row).ToList();
        _prepared.Errors.AddRange(ordered.Take(MaxErrorsKept));
        if (ordered.Count > MaxErrorsKept) _prepared.Errors.Add(new ImportError(ordered[MaxErrorsKept].Row, InfraText.Import_TooManyErrors));
    }

    // The column names of the row messages, read from the resources once: the parsers run for every row of a file of millions.
    private static readonly string AverageScore = InfraText.Import_AverageScore, BelowMinimum = InfraText.Import_BelowMinimum,
        ShareOfTwos = InfraText.Import_ShareOfTwos, Staffing = InfraText.Import_Staffing, TeachersAge = InfraText.Import_TeachersAge,
        ShareSpecialNeeds = InfraText.Import_ShareSpecialNeeds, ShareNonNative = InfraText.Import_ShareNonNative,
        ShareHigherEducation = InfraText.Import_ShareHigherEducation, ShareUnemployed = InfraText.Import_ShareUnemployed,
        ShareRegistered = InfraText.Import_ShareRegistered, ShareOlympiad = InfraText.Import_ShareOlympiad, ShareContinued = InfraText.Import_ShareContinued;

    private Parsed ParseResult(Cells cell, int row, List<ImportError> errors)
    {
        var failed = errors.Count;
        var school = School(cell[0], row, errors);
        var year = Year(cell[1], row, errors);
        AssessmentKind kind = default;
        var grade = 0;
        if (!Titles.TryParse(cell[2], out kind))
            errors.Add(new(row, InfraFormat.Of(InfraText.Import_UnknownAssessment, Echo(cell[2]))));
        else if (!ImportSpec.TryInt(cell[3], out grade) || !GradeFits(kind, grade))
            errors.Add(new(row, InfraFormat.Of(InfraText.Import_BadGrade, Echo(cell[3]), Titles.Of(kind), GradeRule(kind))));
        if (!Titles.TryParse(cell[4], out Subject subject)) errors.Add(new(row, InfraFormat.Of(InfraText.Import_UnknownSubject, Echo(cell[4]))));
        if (!ImportSpec.TryInt(cell[5], out var participants) || participants < 0 || participants > 100_000)
            errors.Add(new(row, InfraFormat.Of(InfraText.Import_BadParticipants, Echo(cell[5]))));
        var mean = Number(cell[6], AverageScore, 0, 100, row, errors);
        var below = Number(cell[7], BelowMinimum, 0, 100, row, errors);
        var fail = Number(cell[8], ShareOfTwos, 0, 100, row, errors);
        if (errors.Count > failed) return default;
        return new Parsed(ResultKey(school.Rank, year, kind, grade, subject), row, new AssessmentResult
        {
            RegionId = _prepared.RegionId, SchoolId = school.Id, Year = year, Kind = kind, Grade = grade, Subject = subject,
            Participants = participants, MeanScore = mean, BelowMinimumShare = below, FailShare = fail,
        });
    }

    /// <summary>A result row's natural key in one number that sorts as the primary key does (schools ranked in uuid order).</summary>
    internal static long ResultKey(int schoolRank, int year, AssessmentKind kind, int grade, Subject subject) =>
        ((long)schoolRank << 36) | ((long)(year - 2000) << 28) | ((long)kind << 20) | ((long)grade << 12) | (long)subject;

    private Parsed ParseProfile(Cells cell, int row, List<ImportError> errors)
    {
        var failed = errors.Count;
        var school = School(cell[0], row, errors);
        var year = Year(cell[1], row, errors);
        var staffing = Number(cell[2], Staffing, 0, 100, row, errors);
        if (!ImportSpec.TryInt(cell[3], out var vacancies) || vacancies < 0 || vacancies > 1000)
            errors.Add(new(row, InfraFormat.Of(InfraText.Import_BadVacancies, Echo(cell[3]))));
        var age = Number(cell[4], TeachersAge, 18, 80, row, errors);
        var disabled = Number(cell[5], ShareSpecialNeeds, 0, 100, row, errors);
        var nonNative = Number(cell[6], ShareNonNative, 0, 100, row, errors);
        var higherEducation = Number(cell[7], ShareHigherEducation, 0, 100, row, errors);
        var unemployed = Number(cell[8], ShareUnemployed, 0, 100, row, errors);
        var registered = Number(cell[9], ShareRegistered, 0, 100, row, errors);
        var internet = cell[10].IsWhiteSpace() ? null : RegistryColumns.ParseYesNo(cell[10].ToString());
        if (internet is null) errors.Add(new(row, InfraFormat.Of(InfraText.Import_BadInternet, Echo(cell[10]))));
        var olympiads = Number(cell[11], ShareOlympiad, 0, 100, row, errors);
        var grade10 = Number(cell[12], ShareContinued, 0, 100, row, errors);
        if (errors.Count > failed) return default;
        return new Parsed(((long)school.Rank << 36) | ((long)(year - 2000) << 28), row, new SchoolYearProfile
        {
            RegionId = _prepared.RegionId, SchoolId = school.Id, Year = year, StaffingPercent = staffing, Vacancies = vacancies,
            TeachersAverageAge = age, DisabledStudentsShare = disabled, NonNativeSpeakersShare = nonNative,
            ParentsHigherEducationShare = higherEducation, UnemployedParentsShare = unemployed, RegisteredStudentsShare = registered,
            HasInternet = internet!.Value, OlympiadShare = olympiads, ContinuingToGrade10Share = grade10,
        });
    }

    private RegisteredSchool School(ReadOnlySpan<char> code, int row, List<ImportError> errors)
    {
        if (_schools.TryGetValue(code.Trim(), out var school)) return school;
        errors.Add(new(row, code.IsWhiteSpace() ? InfraText.Import_CodeMissing : InfraFormat.Of(InfraText.Import_SchoolNotInRegistry, Echo(code))));
        return default;
    }

    private int Year(ReadOnlySpan<char> text, int row, List<ImportError> errors)
    {
        if (ImportSpec.TryInt(text, out var year) && year >= ResultsImport.MinYear && year <= _maxYear) return year;
        errors.Add(new(row, InfraFormat.Of(InfraText.Import_YearOutOfRange, Echo(text), ResultsImport.MinYear, _maxYear)));
        return ResultsImport.MinYear;
    }

    private static decimal Number(ReadOnlySpan<char> text, string what, decimal min, decimal max, int row, List<ImportError> errors)
    {
        if (ImportSpec.TryDecimal(text, out var value) && value >= min && value <= max) return Math.Round(value, 2);
        errors.Add(new(row, InfraFormat.Of(InfraText.Import_ValueOutOfRange, what, Echo(text), min, max)));
        return 0;
    }

    /// <summary>A cell as the preview echoes it: cut to <see cref="ImportLimits.EchoChars"/> characters.</summary>
    private static string Echo(ReadOnlySpan<char> cell) => TextElements.Echo(cell, ImportLimits.EchoChars);

    private static bool GradeFits(AssessmentKind kind, int grade) => kind switch
    {
        AssessmentKind.Oge => grade == 9,
        AssessmentKind.Ege => grade == 11,
        AssessmentKind.Vpr => grade is >= 4 and <= 11,
        _ => grade is >= 1 and <= 11,
    };

    private static string GradeRule(AssessmentKind kind) => kind switch
    {
        AssessmentKind.Oge => InfraText.Import_GradesOnly9,
        AssessmentKind.Ege => InfraText.Import_GradesOnly11,
        AssessmentKind.Vpr => InfraText.Import_Grades4To11,
        _ => InfraText.Import_Grades1To11,
    };
}
