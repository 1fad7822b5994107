using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using SchoolSupport.Domain.Results;

namespace SchoolSupport.Infrastructure.Results;

/// <summary>
/// A file whose years are loaded already is compared with what is loaded instead of being written in full: the loaded rows of
/// each of its years are read once (binary COPY) into a table of keys and figures while the file is still being parsed, every
/// parsed row is looked up, and only the new and the changed rows are kept, to be merged at the end. Re-importing an unchanged
/// file reads the table once and writes nothing. Memory: about 32 bytes per loaded row of the file's years, plus the rows to write.
/// </summary>
internal sealed class LoadedComparison(NpgsqlConnection conn, Guid regionId, Dictionary<string, RegisteredSchool> schools)
{
    // The figures as numeric(6,2)/(5,2) store them, in hundredths.
    private readonly record struct Figures(int Participants, int Mean, int Below, int Fail);

    private readonly Dictionary<long, Figures> _loaded = [];
    private readonly HashSet<int> _read = [];
    private readonly Dictionary<Guid, int> _ranks = schools.Values.ToDictionary(s => s.Id, s => s.Rank);

    /// <summary>Rows of the file that are not loaded yet, or whose figures differ: what the merge writes.</summary>
    public List<AssessmentResult> ToWrite { get; } = [];

    public int New { get; private set; }
    public int Changed { get; private set; }

    /// <summary>The file's years that had no rows at all before this import.</summary>
    public IEnumerable<int> NewYears => _newYears;

    private readonly HashSet<int> _newYears = [];

    public async Task CompareAsync(AssessmentResult[] rows, int count, CancellationToken ct)
    {
        for (var i = 0; i < count; i++)
        {
            var row = rows[i];
            if (!_read.Contains(row.Year)) await ReadAsync(row.Year, ct);
            var key = RowParser.ResultKey(_ranks[row.SchoolId], row.Year, row.Kind, row.Grade, row.Subject);
            if (!_loaded.TryGetValue(key, out var loaded))
            {
                New++;
                ToWrite.Add(row);
            }
            else if (loaded != Of(row))
            {
                Changed++;
                ToWrite.Add(row);
            }
        }
    }

    private async Task ReadAsync(int year, CancellationToken ct)
    {
        _read.Add(year);
        var before = _loaded.Count;
        // Synchronous reads, as in BulkCopy: an await per value costs more than decoding it.
        await using var reader = await conn.BeginBinaryExportAsync(string.Create(CultureInfo.InvariantCulture, $"""
            COPY (SELECT school_id, kind, grade, subject, participants, mean_score, below_minimum_share, fail_share
                  FROM assessment_results WHERE region_id = '{regionId}' AND year = {year}) TO STDOUT (FORMAT BINARY)
            """), ct);
        while (reader.StartRow() != -1)
        {
            var school = reader.Read<Guid>(NpgsqlDbType.Uuid);
            var kind = (AssessmentKind)reader.Read<int>(NpgsqlDbType.Integer);
            var grade = reader.Read<int>(NpgsqlDbType.Integer);
            var subject = (Subject)reader.Read<int>(NpgsqlDbType.Integer);
            var figures = new Figures(reader.Read<int>(NpgsqlDbType.Integer), Hundredths(reader.Read<decimal>(NpgsqlDbType.Numeric)),
                Hundredths(reader.Read<decimal>(NpgsqlDbType.Numeric)), Hundredths(reader.Read<decimal>(NpgsqlDbType.Numeric)));
            // Schools are never deleted, so every loaded row's school is in the registry the file was checked against.
            if (_ranks.TryGetValue(school, out var rank)) _loaded[RowParser.ResultKey(rank, year, kind, grade, subject)] = figures;
        }
        if (_loaded.Count == before) _newYears.Add(year);
    }

    private static Figures Of(AssessmentResult row) =>
        new(row.Participants, Hundredths(row.MeanScore), Hundredths(row.BelowMinimumShare), Hundredths(row.FailShare));

    private static int Hundredths(decimal value) => (int)Math.Round(value * 100m);
}
