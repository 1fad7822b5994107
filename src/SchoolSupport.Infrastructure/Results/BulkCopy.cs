using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SchoolSupport.Domain.Results;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Results;

/// <summary>Binary COPY of result rows: the fast path for demo data and large imports.</summary>
public static class BulkCopy
{
    public const string ResultColumns = "region_id, school_id, year, kind, grade, subject, participants, mean_score, below_minimum_share, fail_share";

    /// <param name="written">Told the number of rows sent so far, every 65,536 rows: for a progress bar.</param>
    public static async Task<ulong> ResultsAsync(AppDbContext db, IEnumerable<AssessmentResult> rows, CancellationToken ct,
        string table = "assessment_results", Action<int>? written = null)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync(ct);
        return await ResultsAsync(conn, rows, ct, table, written);
    }

    /// <inheritdoc cref="ResultsAsync(AppDbContext, IEnumerable{AssessmentResult}, CancellationToken, string, Action{int}?)"/>
    public static async Task<ulong> ResultsAsync(NpgsqlConnection conn, IEnumerable<AssessmentResult> rows, CancellationToken ct,
        string table = "assessment_results", Action<int>? written = null)
    {
        await using var writer = await conn.BeginBinaryImportAsync($"COPY {table} ({ResultColumns}) FROM STDIN (FORMAT BINARY)", ct);
        // Synchronous writes into the importer's buffer: an await per value costs more than the whole encoding,
        // and the buffer only blocks when PostgreSQL is behind, which is where the time goes anyway.
        var count = 0;
        foreach (var r in rows)
        {
            if ((++count & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
                written?.Invoke(count);
            }
            WriteRow(writer, r);
        }
        return await writer.CompleteAsync(ct);
    }

    /// <summary>One result row into a binary COPY in <see cref="ResultColumns"/> order (synchronous: into the importer's buffer).</summary>
    internal static void WriteRow(NpgsqlBinaryImporter writer, AssessmentResult r)
    {
        writer.StartRow();
        writer.Write(r.RegionId, NpgsqlDbType.Uuid);
        writer.Write(r.SchoolId, NpgsqlDbType.Uuid);
        writer.Write(r.Year, NpgsqlDbType.Integer);
        writer.Write((int)r.Kind, NpgsqlDbType.Integer);
        writer.Write(r.Grade, NpgsqlDbType.Integer);
        writer.Write((int)r.Subject, NpgsqlDbType.Integer);
        writer.Write(r.Participants, NpgsqlDbType.Integer);
        writer.Write(r.MeanScore, NpgsqlDbType.Numeric);
        writer.Write(r.BelowMinimumShare, NpgsqlDbType.Numeric);
        writer.Write(r.FailShare, NpgsqlDbType.Numeric);
    }
}
