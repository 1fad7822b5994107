using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Identification;

/// <summary>
/// The yearly identification: loads the region's results and profiles set-based (one streaming query each, never one per
/// school), runs the engine, and writes the Draft list through COPY. Re-running for the same region and year replaces the
/// working draft (keeping operators' decisions) and never makes a second one.
/// </summary>
public sealed class RunIdentification(SystemDb systemDb, TimeProvider clock, ILogger<RunIdentification> log)
{
    public static string RecurringId(string regionCode) => $"identification-{regionCode}";

    /// <summary>Entry point for Hangfire (recurring or "run now").</summary>
    public async Task<Guid> RunAsync(Guid regionId, int year, string startedBy, Guid? runId, CancellationToken ct)
    {
        // The run row has a context of its own: the computation clears its change tracker under the lock.
        await using var runDb = systemDb.Create();
        var run = runId is { } id ? await runDb.Set<IdentificationRun>().FirstOrDefaultAsync(r => r.Id == id, ct) : null;
        if (run is null)
        {
            run = new IdentificationRun { Id = Guid.NewGuid(), RegionId = regionId, Year = year, StartedAt = clock.GetUtcNow(), StartedBy = startedBy };
            runDb.Add(run);
        }
        run.Start(0.05);
        await runDb.SaveChangesAsync(ct);
        try
        {
            await using var db = systemDb.Create();
            var listId = await ComputeAsync(db, regionId, year, startedBy, p =>
            {
                run.Advance(p);
                runDb.SaveChanges(); // a handful of steps: the page's progress bar reads this row
            }, ct);
            run.Finish(InfraText.Identification_DraftCalculated, clock.GetUtcNow());
            await runDb.SaveChangesAsync(CancellationToken.None);
            return listId;
        }
        catch (Exception e)
        {
            run.Fail(e is DomainException ? e.Message : InfraText.Identification_CalculationFailed, clock.GetUtcNow());
            await runDb.SaveChangesAsync(CancellationToken.None);
            log.LogError(e, "Identification for region {Region} year {Year} failed", regionId, year);
            if (e is DomainException) return Guid.Empty;
            throw;
        }
    }

    internal async Task<Guid> ComputeAsync(AppDbContext db, Guid regionId, int year, string who, Action<double> progress, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await EnsureResultsAsync(db, regionId, year, ct);
        var methodologyRow = await MethodologyFor(db, regionId, year, ct);
        var methodology = MethodologyJson.Deserialize(methodologyRow.Json);

        await WorkingListAsync(db, regionId, year, ct); // refuse early, before the heavy work

        var inputs = await LoadInputsAsync(db, regionId, year, methodology, ct);
        progress(0.45);
        var loaded = watch.Elapsed;
        var outcome = IdentificationEngine.Compute(methodology, year, inputs);
        progress(0.7);
        var computed = watch.Elapsed;

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // One working list per region and year: a lock makes two concurrent runs queue instead of both inserting.
            await db.Database.ExecuteSqlRawAsync("select pg_advisory_xact_lock(hashtext({0}))", [$"identification:{regionId}:{year}"], ct);
            // Read again under the lock: a concurrent run may have created the list meanwhile.
            db.ChangeTracker.Clear();
            var working = await WorkingListAsync(db, regionId, year, ct);
            var decisions = new Dictionary<Guid, SupportListEntry>();
            SupportList list;
            if (working is not null)
            {
                list = working;
                foreach (var e in await db.Set<SupportListEntry>().AsNoTracking().Where(e => e.ListId == list.Id && (e.Decision != ManualDecision.None || e.NewFormat != null)).ToListAsync(ct))
                    decisions[e.SchoolId] = e;
                await db.Set<SupportListEntry>().Where(e => e.ListId == list.Id).ExecuteDeleteAsync(ct);
                list.Recompute(methodologyRow.Id, who, clock.GetUtcNow(), Summary(outcome));
            }
            else
            {
                list = SupportList.FromComputation(regionId, year, methodologyRow.Id, who, clock.GetUtcNow(), Summary(outcome));
                db.Set<SupportList>().Add(list);
            }
            await db.SaveChangesAsync(ct);
            var now = clock.GetUtcNow();
            await db.Set<MethodologyVersion>().Where(m => m.Id == methodologyRow.Id && m.UsedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.UsedAt, now), ct);
            await WriteEntriesAsync(db, regionId, list.Id, outcome, decisions, ct);
            await tx.CommitAsync(ct);
            progress(0.95);
            log.LogInformation("Identification {Year} for region {Region}: {Listed} of {Schools} schools listed; load {Load} ms, compute {Compute} ms, write {Write} ms",
                year, regionId, outcome.Schools.Count(s => s.IsListed), outcome.Schools.Count, (int)loaded.TotalMilliseconds,
                (int)(computed - loaded).TotalMilliseconds, (int)(watch.Elapsed - computed).TotalMilliseconds);
            return list.Id;
        });
    }

    /// <summary>
    /// Everything the engine needs for a region and year, set-based: one streaming query for results, one for profiles, one for
    /// last year's published statuses. Refuses a year without any results: a list computed from nothing would be empty or wrong.
    /// </summary>
    internal static async Task<List<SchoolInput>> LoadInputsAsync(AppDbContext db, Guid regionId, int year, Methodology methodology, CancellationToken ct)
    {
        await EnsureResultsAsync(db, regionId, year, ct);
        var schools = await LoadSchoolsAsync(db, regionId, year - methodology.YearsOfResults + 1, year, ct);
        var previous = await PreviousStatusesAsync(db, regionId, year, ct);
        return WithPrevious(schools, previous);
    }

    /// <summary>The region's schools with their result rows and profiles of the years <paramref name="fromYear"/>..<paramref name="year"/>; no list status yet.</summary>
    internal static async Task<List<SchoolInput>> LoadSchoolsAsync(AppDbContext db, Guid regionId, int fromYear, int year, CancellationToken ct)
    {
        var schoolIds = await db.Schools.Where(s => s.RegionId == regionId).Select(s => s.Id).ToListAsync(ct);
        var results = schoolIds.ToDictionary(id => id, _ => new List<ResultRow>(16));
        await LoadResultsAsync(db, regionId, fromYear, year, results, ct);
        var profiles = schoolIds.ToDictionary(id => id, _ => new List<SchoolYearProfile>(3));
        await LoadProfilesAsync(db, regionId, fromYear, year, profiles, ct);
        return schoolIds.Select(id => new SchoolInput(id, results[id], profiles[id])).ToList();
    }

    /// <summary>The schools' inputs with their status in last year's published list (new records: the loaded ones may be shared).</summary>
    internal static List<SchoolInput> WithPrevious(IReadOnlyList<SchoolInput> schools, Dictionary<Guid, PreviousStatus> previous)
    {
        var inputs = new List<SchoolInput>(schools.Count);
        foreach (var s in schools) inputs.Add(s with { Previous = previous.GetValueOrDefault(s.SchoolId) });
        return inputs;
    }

    /// <summary>A year without a single result row in the region cannot be computed: the message says what to do.</summary>
    internal static async Task EnsureResultsAsync(AppDbContext db, Guid regionId, int year, CancellationToken ct)
    {
        if (!await db.Results.AnyAsync(r => r.RegionId == regionId && r.Year == year, ct))
            throw new DomainException(InfraFormat.Of(InfraText.Identification_NoResultsForYear, year), "year");
    }

    /// <summary>The schools of the previous year's published list (its newest version) with their statuses.</summary>
    internal static async Task<Dictionary<Guid, PreviousStatus>> PreviousStatusesAsync(AppDbContext db, Guid regionId, int year, CancellationToken ct)
    {
        var previousList = await db.Set<SupportList>().Where(l => l.RegionId == regionId && l.Year == year - 1 && l.Status == ListStatus.Published)
            .OrderByDescending(l => l.Version).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct);
        return previousList is null
            ? []
            : await db.Set<SupportListEntry>().Where(e => e.ListId == previousList && e.Included)
                .ToDictionaryAsync(e => e.SchoolId, e => new PreviousStatus(e.LowResults, e.Disadvantaged, Listed: true), ct);
    }

    /// <summary>What the history of the list says about a computation: counts, the ИСБ weights' origin (with R²) and warnings.</summary>
    internal static string Summary(IdentificationResult outcome)
    {
        var listed = outcome.Schools.Count(s => s.IsListed);
        var text = InfraFormat.Of(InfraText.Identification_SummarySchools, outcome.Schools.Count, listed, outcome.Schools.Count(s => s.LowResults)) +
                   InfraFormat.Of(InfraText.Identification_SummaryObserved, outcome.Schools.Count(s => s.Disadvantaged), outcome.Schools.Count(s => s.Watch));
        if (outcome.SocialFit is { } fit)
            text += InfraFormat.Of(InfraText.Identification_RegressionWeights, fit.Observations, fit.RSquared.ToString("0.000", InfraFormat.Russian));
        if (outcome.Warnings.Count > 0) text += " " + string.Join(" ", outcome.Warnings);
        return text;
    }

    /// <summary>
    /// Streams the region's result rows straight from a data reader (shares as float8 in SQL): for tens of thousands of rows
    /// per region this is several times faster than materialising them through EF.
    /// </summary>
    private static async Task LoadResultsAsync(AppDbContext db, Guid regionId, int fromYear, int year, Dictionary<Guid, List<ResultRow>> results, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "select school_id, year, kind, grade, subject, participants, mean_score::float8, below_minimum_share::float8, fail_share::float8 " +
            "from assessment_results where region_id = $1 and year between $2 and $3", conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = regionId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = fromYear });
        cmd.Parameters.Add(new NpgsqlParameter { Value = year });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (!results.TryGetValue(reader.GetGuid(0), out var rows)) continue;
            rows.Add(new ResultRow(reader.GetInt32(1), (Domain.Results.AssessmentKind)reader.GetInt32(2), reader.GetInt32(3),
                (Domain.Results.Subject)reader.GetInt32(4), reader.GetInt32(5), reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8)));
        }
    }

    private static async Task LoadProfilesAsync(AppDbContext db, Guid regionId, int fromYear, int year, Dictionary<Guid, List<SchoolYearProfile>> profiles, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var cmd = new NpgsqlCommand(
            "select school_id, year, staffing_percent, vacancies, teachers_average_age, disabled_students_share, non_native_speakers_share, " +
            "parents_higher_education_share, unemployed_parents_share, registered_students_share, has_internet, olympiad_share, continuing_to_grade10share " +
            "from school_year_profiles where region_id = $1 and year between $2 and $3", conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = regionId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = fromYear });
        cmd.Parameters.Add(new NpgsqlParameter { Value = year });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var schoolId = reader.GetGuid(0);
            if (!profiles.TryGetValue(schoolId, out var list)) continue;
            list.Add(new SchoolYearProfile
            {
                RegionId = regionId, SchoolId = schoolId, Year = reader.GetInt32(1), StaffingPercent = reader.GetDecimal(2), Vacancies = reader.GetInt32(3),
                TeachersAverageAge = reader.GetDecimal(4), DisabledStudentsShare = reader.GetDecimal(5), NonNativeSpeakersShare = reader.GetDecimal(6),
                ParentsHigherEducationShare = reader.GetDecimal(7), UnemployedParentsShare = reader.GetDecimal(8), RegisteredStudentsShare = reader.GetDecimal(9),
                HasInternet = reader.GetBoolean(10), OlympiadShare = reader.GetDecimal(11), ContinuingToGrade10Share = reader.GetDecimal(12),
            });
        }
    }

    /// <summary>The list that a computation may replace, or null when there is none yet; refuses while one is on approval or published.</summary>
    private static async Task<SupportList?> WorkingListAsync(AppDbContext db, Guid regionId, int year, CancellationToken ct)
    {
        var lists = await db.Set<SupportList>().Where(l => l.RegionId == regionId && l.Year == year).OrderByDescending(l => l.Version).ToListAsync(ct);
        var working = lists.FirstOrDefault(l => l.IsEditable);
        if (working is null && lists.Any(l => l.Status is ListStatus.Submitted or ListStatus.Approved))
            throw new DomainException(InfraText.Identification_ListOnApproval);
        if (working is null && lists.Any(l => l.Status == ListStatus.Published))
            throw new DomainException(InfraText.Identification_ListPublished);
        return working;
    }

    /// <summary>The approved methodology for the year (the newest approved up to that year); a default one is stored when none exists.</summary>
    internal async Task<MethodologyVersion> MethodologyFor(AppDbContext db, Guid regionId, int year, CancellationToken ct)
    {
        var row = await db.Set<MethodologyVersion>().Where(m => m.RegionId == regionId && m.Status == MethodologyStatus.Approved && m.Year <= year)
            .OrderByDescending(m => m.Year).ThenByDescending(m => m.Version).FirstOrDefaultAsync(ct);
        if (row is not null) return row;
        var methodology = DefaultMethodologies.Kirov(year);
        row = new MethodologyVersion
        {
            Id = Guid.NewGuid(), RegionId = regionId, Year = year, Version = 1, Name = methodology.Name,
            Json = MethodologyJson.Serialize(methodology), Status = MethodologyStatus.Approved, CreatedBy = InfraText.Common_System,
            CreatedAt = clock.GetUtcNow(), ApprovedBy = InfraText.Identification_DefaultMethodology, ApprovedAt = clock.GetUtcNow(),
        };
        db.Set<MethodologyVersion>().Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent run stored the default first: use that one.
            db.ChangeTracker.Clear();
            return await db.Set<MethodologyVersion>().SingleAsync(m => m.RegionId == regionId && m.Year == year && m.Version == 1, ct);
        }
        return row;
    }

    private static async Task WriteEntriesAsync(AppDbContext db, Guid regionId, Guid listId, IdentificationResult outcome,
        Dictionary<Guid, SupportListEntry> decisions, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var writer = await conn.BeginBinaryImportAsync(
            "COPY support_list_entries (id, region_id, list_id, school_id, results_index, band, social_index, social_band, cell, low_results, " +
            "disadvantaged, watch, second_consecutive_year, exited, computed, included, decision, justification, decided_by, evidence_json, " +
            "new_format, format_responsible, format_reason, format_decided_by, format_decided_at) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var s in outcome.Schools)
        {
            decisions.TryGetValue(s.SchoolId, out var decision);
            var included = decision is { Decision: not ManualDecision.None } ? decision.Included : s.IsListed;
            var (secondYear, exited) = ListingContinuity.Of(s.SecondConsecutiveYear || s.Exited, included);
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(regionId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(listId, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(s.SchoolId, NpgsqlDbType.Uuid, ct);
            await WriteNullable(writer, s.ResultsIndex, NpgsqlDbType.Double, ct);
            await WriteNullable(writer, (int?)s.Band, NpgsqlDbType.Integer, ct);
            await WriteNullable(writer, s.SocialIndex, NpgsqlDbType.Double, ct);
            await WriteNullable(writer, (int?)s.SocialBand, NpgsqlDbType.Integer, ct);
            await WriteNullable(writer, (int?)s.Cell, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(s.LowResults, NpgsqlDbType.Boolean, ct);
            await writer.WriteAsync(s.Disadvantaged, NpgsqlDbType.Boolean, ct);
            await writer.WriteAsync(s.Watch, NpgsqlDbType.Boolean, ct);
            await writer.WriteAsync(secondYear, NpgsqlDbType.Boolean, ct);
            await writer.WriteAsync(exited, NpgsqlDbType.Boolean, ct);
            await writer.WriteAsync(s.IsListed, NpgsqlDbType.Boolean, ct);
            await writer.WriteAsync(included, NpgsqlDbType.Boolean, ct);
            var manual = decision is { Decision: not ManualDecision.None };
            await writer.WriteAsync(manual ? (int)decision!.Decision : 0, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(manual ? decision!.Justification : "", NpgsqlDbType.Text, ct);
            await writer.WriteAsync(manual ? decision!.DecidedBy : "", NpgsqlDbType.Text, ct);
            await writer.WriteAsync(JsonSerializer.Serialize(new { s.Evidence, s.ResultsIndexByYear }, EvidenceJson), NpgsqlDbType.Jsonb, ct);
            // A support-format decision survives a recomputation (it still applies only while the school stays in its 2nd year).
            await WriteNullable(writer, (int?)decision?.NewFormat, NpgsqlDbType.Integer, ct);
            await writer.WriteAsync(decision?.FormatResponsible ?? "", NpgsqlDbType.Text, ct);
            await writer.WriteAsync(decision?.FormatReason ?? "", NpgsqlDbType.Text, ct);
            await writer.WriteAsync(decision?.FormatDecidedBy ?? "", NpgsqlDbType.Text, ct);
            await WriteNullable(writer, decision?.FormatDecidedAt, NpgsqlDbType.TimestampTz, ct);
        }
        await writer.CompleteAsync(ct);
    }

    // Cyrillic as it is, not as \uXXXX escapes: the evidence is a third of the size.
    private static readonly JsonSerializerOptions EvidenceJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static Task WriteNullable<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? writer.WriteAsync(v, type, ct) : writer.WriteNullAsync(ct);
}
