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

    public static async Task<ulong> ResultsAsync(AppDbContext db, IEnumerable<AssessmentResult> rows, CancellationToken ct, string table = "assessment_results")
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync(ct);
        await using var writer = await conn.BeginBinaryImportAsync($"COPY {table} ({ResultColumns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var r in rows)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(r.RegionId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(r.SchoolId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(r.Year, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync((int)r.Kind, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(r.Grade, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync((int)r.Subject, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(r.Participants, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(r.MeanScore, NpgsqlDbType.Numeric, ct);
            await writer.WriteAsync(r.BelowMinimumShare, NpgsqlDbType.Numeric, ct);
            await writer.WriteAsync(r.FailShare, NpgsqlDbType.Numeric, ct);
        }
        return await writer.CompleteAsync(ct);
    }
}
