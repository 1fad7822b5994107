using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Results;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Schools;

namespace SchoolSupport.Infrastructure.Results;

/// <summary>A checked file waiting for the user's confirmation. Nothing is written until <see cref="ResultsImport.CommitAsync"/>.</summary>
public sealed class PreparedImport
{
    internal PreparedImport(ImportKind kind, string fileName, Guid regionId)
    {
        Kind = kind;
        FileName = fileName;
        RegionId = regionId;
    }

    public ImportKind Kind { get; }
    public string FileName { get; }
    internal Guid RegionId { get; }
    public int RowCount => Kind == ImportKind.Results ? ResultRows.Count : ProfileRows.Count;
    public List<ImportError> Errors { get; } = [];
    public bool CanCommit => Errors.Count == 0 && RowCount > 0;
    internal List<AssessmentResult> ResultRows { get; } = [];
    internal List<SchoolYearProfile> ProfileRows { get; } = [];
}

public sealed record ImportOutcome(int Rows, int Inserted, int Updated, int Unchanged);

/// <summary>
/// Import of results and school context from XLSX/CSV: check every row first (preview with Russian messages),
/// then write all-or-nothing in one transaction through COPY into a staging table and one upsert by natural key,
/// so a re-import of the same file changes nothing.
/// </summary>
public sealed class ResultsImport(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public const int MinYear = 2015;
    private const int MaxErrorsKept = 500;

    public int MaxYear => clock.GetUtcNow().Year + 1;

    public static UserScope RequireImporter(ICurrentScope current) => current.RequireRole(Roles.Operator, Roles.Admin);

    public async Task<PreparedImport> PrepareAsync(ImportKind kind, Stream content, string fileName, IProgress<double>? progress = null,
        CancellationToken ct = default)
    {
        var scope = RequireImporter(current);
        var prepared = new PreparedImport(kind, fileName, scope.RegionId);
        Dictionary<string, Guid> schools;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            schools = await db.Schools.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase, ct);
        }

        try
        {
            var (header, rows) = TabularFile.Read(content, fileName);
            var spec = ImportSpec.For(kind);
            var columns = spec.Locate(header);
            var seen = new Dictionary<(Guid, int, int, int, int), int>();
            var count = 0;
            foreach (var (rowNumber, cells) in rows)
            {
                ct.ThrowIfCancellationRequested();
                string Cell(int i) => columns[i] < cells.Length ? cells[columns[i]] : "";
                if (kind == ImportKind.Results) ParseResult(prepared, schools, seen, rowNumber, Cell);
                else ParseProfile(prepared, schools, seen, rowNumber, Cell);
                if (++count % 20_000 == 0 && content.Length > 0) progress?.Report(0.5 * content.Position / content.Length);
            }
        }
        catch (BadFileException e)
        {
            prepared.Errors.Insert(0, new ImportError(0, e.Message));
        }
        if (prepared.RowCount == 0 && prepared.Errors.Count == 0) prepared.Errors.Add(new ImportError(0, "В файле нет строк с данными."));
        progress?.Report(0.5);
        return prepared;
    }

    public async Task<ImportOutcome> CommitAsync(PreparedImport prepared, IProgress<double>? progress = null, CancellationToken ct = default)
    {
        var scope = RequireImporter(current);
        if (scope.RegionId != prepared.RegionId) throw new ScopeException("Файл подготовлен в другом регионе.");
        if (!prepared.CanCommit) throw new DomainException("Файл содержит ошибки: исправьте их и загрузите файл заново.");

        await using var db = await dbs.CreateDbContextAsync(ct);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var outcome = prepared.Kind == ImportKind.Results
                ? await UpsertResultsAsync(db, prepared.ResultRows, ct)
                : await UpsertProfilesAsync(db, prepared.ProfileRows, ct);
            // Fresh statistics after a large load, so that the next queries (registry, identification) plan well.
            if (outcome.Inserted > 50_000) await db.Database.ExecuteSqlRawAsync(prepared.Kind == ImportKind.Results ? "analyze assessment_results" : "analyze school_year_profiles", ct);
            progress?.Report(0.95);
            db.Record(scope, prepared.Kind == ImportKind.Results ? "results.import" : "context.import", "file", prepared.FileName,
                $"Файл «{prepared.FileName}»: строк {outcome.Rows}, добавлено {outcome.Inserted}, обновлено {outcome.Updated}, без изменений {outcome.Unchanged}",
                clock);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            progress?.Report(1.0);
            return outcome;
        });
    }

    private void ParseResult(PreparedImport prepared, Dictionary<string, Guid> schools, Dictionary<(Guid, int, int, int, int), int> seen,
        int row, Func<int, string> cell)
    {
        var errors = new List<string>(2);
        var schoolId = School(cell(0), schools, errors);
        var year = Year(cell(1), errors);
        AssessmentKind kind = default;
        if (!DomainLabels.TryParseKind(cell(2), out kind)) errors.Add($"Неизвестная процедура «{cell(2)}»: допустимы ВПР, ОГЭ, ЕГЭ, РДР, НИКО.");
        else if (!ImportSpec.TryInt(cell(3), out var g) || !GradeFits(kind, g))
            errors.Add($"Класс «{cell(3)}» недопустим для {DomainLabels.Of(kind)}: {GradeRule(kind)}.");
        ImportSpec.TryInt(cell(3), out var grade);
        if (!DomainLabels.TryParseSubject(cell(4), out var subject)) errors.Add($"Неизвестный предмет «{cell(4)}».");
        if (!ImportSpec.TryInt(cell(5), out var participants) || participants < 0 || participants > 100_000)
            errors.Add($"Число участников «{cell(5)}» должно быть целым от 0 до 100 000.");
        var mean = Number(cell(6), "Средний балл", 0, 100, errors);
        var below = Number(cell(7), "Доля ниже минимального балла", 0, 100, errors);
        var fail = Number(cell(8), "Доля отметок «2»", 0, 100, errors);
        if (errors.Count == 0 && !seen.TryAdd((schoolId, year, (int)kind, grade, (int)subject), row))
            errors.Add($"Повтор строки {seen[(schoolId, year, (int)kind, grade, (int)subject)]}: та же школа, год, процедура, класс и предмет.");
        if (Report(prepared, row, errors)) return;
        prepared.ResultRows.Add(new AssessmentResult
        {
            RegionId = prepared.RegionId, SchoolId = schoolId, Year = year, Kind = kind, Grade = grade, Subject = subject,
            Participants = participants, MeanScore = mean, BelowMinimumShare = below, FailShare = fail,
        });
    }

    private void ParseProfile(PreparedImport prepared, Dictionary<string, Guid> schools, Dictionary<(Guid, int, int, int, int), int> seen,
        int row, Func<int, string> cell)
    {
        var errors = new List<string>(2);
        var schoolId = School(cell(0), schools, errors);
        var year = Year(cell(1), errors);
        var staffing = Number(cell(2), "Укомплектованность кадрами", 0, 100, errors);
        if (!ImportSpec.TryInt(cell(3), out var vacancies) || vacancies < 0 || vacancies > 1000) errors.Add($"Число вакансий «{cell(3)}» должно быть целым от 0 до 1000.");
        var age = Number(cell(4), "Средний возраст педагогов", 18, 80, errors);
        var disabled = Number(cell(5), "Доля обучающихся с ОВЗ", 0, 100, errors);
        var nonNative = Number(cell(6), "Доля обучающихся, для которых русский язык не родной", 0, 100, errors);
        var higherEducation = Number(cell(7), "Доля семей, где оба родителя с высшим образованием", 0, 100, errors);
        var unemployed = Number(cell(8), "Доля семей с безработными родителями", 0, 100, errors);
        var registered = Number(cell(9), "Доля обучающихся на учёте", 0, 100, errors);
        var internet = cell(10).Trim().ToLowerInvariant() switch
        {
            "да" or "1" or "есть" or "true" => (bool?)true,
            "нет" or "0" or "false" => false,
            _ => null,
        };
        if (internet is null) errors.Add($"Доступ к интернету «{cell(10)}»: укажите «да» или «нет».");
        var olympiads = Number(cell(11), "Доля участников олимпиад", 0, 100, errors);
        var grade10 = Number(cell(12), "Доля продолживших обучение в 10 классе", 0, 100, errors);
        if (errors.Count == 0 && !seen.TryAdd((schoolId, year, 0, 0, 0), row))
            errors.Add($"Повтор строки {seen[(schoolId, year, 0, 0, 0)]}: та же школа и год.");
        if (Report(prepared, row, errors)) return;
        prepared.ProfileRows.Add(new SchoolYearProfile
        {
            RegionId = prepared.RegionId, SchoolId = schoolId, Year = year, StaffingPercent = staffing, Vacancies = vacancies,
            TeachersAverageAge = age, DisabledStudentsShare = disabled, NonNativeSpeakersShare = nonNative,
            ParentsHigherEducationShare = higherEducation, UnemployedParentsShare = unemployed, RegisteredStudentsShare = registered,
            HasInternet = internet!.Value, OlympiadShare = olympiads, ContinuingToGrade10Share = grade10,
        });
    }

    private static bool Report(PreparedImport prepared, int row, List<string> errors)
    {
        if (errors.Count == 0) return false;
        foreach (var error in errors)
        {
            if (prepared.Errors.Count < MaxErrorsKept) prepared.Errors.Add(new ImportError(row, error));
            else if (prepared.Errors.Count == MaxErrorsKept) prepared.Errors.Add(new ImportError(row, "Ошибок больше 500; показаны первые 500."));
        }
        return true;
    }

    private static Guid School(string code, Dictionary<string, Guid> schools, List<string> errors)
    {
        if (schools.TryGetValue(code.Trim(), out var id)) return id;
        errors.Add(string.IsNullOrWhiteSpace(code) ? "Не указан код ОО." : $"Школа с кодом «{code}» не найдена в реестре региона.");
        return Guid.Empty;
    }

    private int Year(string text, List<string> errors)
    {
        if (ImportSpec.TryInt(text, out var year) && year >= MinYear && year <= MaxYear) return year;
        errors.Add($"Год «{text}» вне допустимого диапазона {MinYear}–{MaxYear}.");
        return 0;
    }

    private static decimal Number(string text, string what, decimal min, decimal max, List<string> errors)
    {
        if (ImportSpec.TryDecimal(text, out var value) && value >= min && value <= max) return Math.Round(value, 2);
        errors.Add($"{what}: значение «{text}» должно быть числом от {min} до {max}.");
        return 0;
    }

    private static bool GradeFits(AssessmentKind kind, int grade) => kind switch
    {
        AssessmentKind.Oge => grade == 9,
        AssessmentKind.Ege => grade == 11,
        AssessmentKind.Vpr => grade is >= 4 and <= 11,
        _ => grade is >= 1 and <= 11,
    };

    private static string GradeRule(AssessmentKind kind) => kind switch
    {
        AssessmentKind.Oge => "только 9",
        AssessmentKind.Ege => "только 11",
        AssessmentKind.Vpr => "от 4 до 11",
        _ => "от 1 до 11",
    };

    private static async Task<ImportOutcome> UpsertResultsAsync(AppDbContext db, List<AssessmentResult> rows, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync($"""
            CREATE TEMP TABLE import_results (region_id uuid, school_id uuid, year int, kind int, grade int, subject int,
              participants int, mean_score numeric(6,2), below_minimum_share numeric(5,2), fail_share numeric(5,2)) ON COMMIT DROP
            """, ct);
        await BulkCopy.ResultsAsync(db, rows, ct, table: "import_results");
        return await CountAsync(db, $"""
            WITH up AS (
              INSERT INTO assessment_results ({BulkCopy.ResultColumns})
              SELECT {BulkCopy.ResultColumns} FROM import_results
              ON CONFLICT (school_id, year, kind, grade, subject) DO UPDATE SET
                participants = excluded.participants, mean_score = excluded.mean_score,
                below_minimum_share = excluded.below_minimum_share, fail_share = excluded.fail_share
              WHERE (assessment_results.participants, assessment_results.mean_score, assessment_results.below_minimum_share, assessment_results.fail_share)
                IS DISTINCT FROM (excluded.participants, excluded.mean_score, excluded.below_minimum_share, excluded.fail_share)
              RETURNING (xmax = 0) AS inserted)
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up
            """, rows.Count, ct);
    }

    private static async Task<ImportOutcome> UpsertProfilesAsync(AppDbContext db, List<SchoolYearProfile> rows, CancellationToken ct)
    {
        const string columns = "region_id, school_id, year, staffing_percent, vacancies, teachers_average_age, disabled_students_share, " +
            "non_native_speakers_share, parents_higher_education_share, unemployed_parents_share, registered_students_share, has_internet, " +
            "olympiad_share, continuing_to_grade10share";
        await db.Database.ExecuteSqlRawAsync("""
            CREATE TEMP TABLE import_profiles (region_id uuid, school_id uuid, year int, staffing_percent numeric(6,2), vacancies int,
              teachers_average_age numeric(6,2), disabled_students_share numeric(6,2), non_native_speakers_share numeric(6,2),
              parents_higher_education_share numeric(6,2), unemployed_parents_share numeric(6,2), registered_students_share numeric(6,2),
              has_internet boolean, olympiad_share numeric(6,2), continuing_to_grade10share numeric(6,2)) ON COMMIT DROP
            """, ct);
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var writer = await conn.BeginBinaryImportAsync($"COPY import_profiles ({columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var p in rows)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(p.RegionId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(p.SchoolId, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(p.Year, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(p.StaffingPercent, NpgsqlDbType.Numeric, ct);
                await writer.WriteAsync(p.Vacancies, NpgsqlDbType.Integer, ct);
                foreach (var value in new[] { p.TeachersAverageAge, p.DisabledStudentsShare, p.NonNativeSpeakersShare, p.ParentsHigherEducationShare,
                             p.UnemployedParentsShare, p.RegisteredStudentsShare })
                {
                    await writer.WriteAsync(value, NpgsqlDbType.Numeric, ct);
                }
                await writer.WriteAsync(p.HasInternet, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(p.OlympiadShare, NpgsqlDbType.Numeric, ct);
                await writer.WriteAsync(p.ContinuingToGrade10Share, NpgsqlDbType.Numeric, ct);
            }
            await writer.CompleteAsync(ct);
        }
        var values = columns.Replace("region_id, school_id, year, ", "", StringComparison.Ordinal);
        var updates = string.Join(", ", values.Split(", ").Select(c => $"{c} = excluded.{c}"));
        var current = string.Join(", ", values.Split(", ").Select(c => $"school_year_profiles.{c}"));
        var incoming = string.Join(", ", values.Split(", ").Select(c => $"excluded.{c}"));
        return await CountAsync(db, $"""
            WITH up AS (
              INSERT INTO school_year_profiles (id, {columns})
              SELECT gen_random_uuid(), {columns} FROM import_profiles
              ON CONFLICT (school_id, year) DO UPDATE SET {updates}
              WHERE ({current}) IS DISTINCT FROM ({incoming})
              RETURNING (xmax = 0) AS inserted)
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up
            """, rows.Count, ct);
    }

    private static async Task<ImportOutcome> CountAsync(AppDbContext db, string sql, int rows, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var inserted = (int)reader.GetInt64(0);
        var updated = (int)reader.GetInt64(1);
        return new ImportOutcome(rows, inserted, updated, rows - inserted - updated);
    }
}
