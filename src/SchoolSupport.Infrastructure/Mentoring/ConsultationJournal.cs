using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Schools;

namespace SchoolSupport.Infrastructure.Mentoring;

public sealed class StepEdit
{
    public string Text { get; set; } = "";
    public DateOnly? Deadline { get; set; }
}

public sealed class ConsultationEdit : IValidatableObject
{
    public Guid? Id { get; set; }
    public uint Version { get; set; }

    [Required(ErrorMessage = "Выберите школу.")]
    public Guid? SchoolId { get; set; }

    [Required(ErrorMessage = "Укажите дату консультации.")]
    public DateOnly? Date { get; set; }

    public ConsultationFormat Format { get; set; }

    [Required(ErrorMessage = "Укажите тему консультации.")]
    [StringLength(1000, ErrorMessage = "Тема не длиннее 1000 символов.")]
    public string Topic { get; set; } = "";

    [Range(1, 1440, ErrorMessage = "Продолжительность — больше 0 и не более 1440 минут.")]
    public int DurationMinutes { get; set; } = 60;

    [Range(1, 1000, ErrorMessage = "Число участников — от 1 до 1000.")]
    public int ParticipantsCount { get; set; } = 1;

    [StringLength(1000, ErrorMessage = "Роли участников не длиннее 1000 символов.")]
    public string ParticipantRoles { get; set; } = "";

    [StringLength(8000, ErrorMessage = "Результат не длиннее 8000 символов.")]
    public string Outcome { get; set; } = "";

    public Guid? MaterialsDocumentId { get; set; }

    public List<StepEdit> Steps { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var step in Steps)
        {
            if (string.IsNullOrWhiteSpace(step.Text)) yield return new ValidationResult("Опишите каждый следующий шаг.");
            else if (step.Text.Length > 2000) yield return new ValidationResult("Следующий шаг не длиннее 2000 символов.");
            if (step.Deadline is null) yield return new ValidationResult("Укажите срок каждого следующего шага.");
            else if (Date is { } date && step.Deadline < date) yield return new ValidationResult("Срок следующего шага не может быть раньше даты консультации.");
        }
    }
}

public sealed record ConsultationQuery(Guid? SchoolId = null, DateOnly? From = null, DateOnly? To = null);

public sealed record ConsultationRow(Consultation Consultation, string School, string Municipality, double? AverageRating, int Ratings,
    bool CanEdit, bool CanGiveFeedback, MaterialsFile? Materials = null);

/// <summary>The latest version of a consultation's materials document, offered for download.</summary>
public sealed record MaterialsFile(Guid VersionId, string FileName);

public sealed record FeedbackRow(Guid ConsultationId, DateOnly Date, string School, string Topic, string Mentor, string UserName, int Rating, string Comment, DateTimeOffset At);

/// <summary>Consultations of one school per month of the year, and the days since the last one.</summary>
public sealed record SchoolConsultations(Guid SchoolId, string School, string Municipality, int[] ByMonth, DateOnly? Last, int? DaysSince, bool Highlighted)
{
    public int Total => ByMonth.Sum();
}

/// <summary>
/// The mentor's consultation journal and the school's feedback journal. A mentor writes only their own records and only
/// for assigned schools; feedback comes only from the school's team, once per consultation per user.
/// </summary>
public sealed class ConsultationJournal(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, SupportTargets targets)
{
    private DateOnly Today => clock.Today();

    public int DaysWithoutConsultation => targets.DaysWithoutConsultation;

    /// <summary>The journal within scope: a mentor their own records, others the records of the schools they see.</summary>
    public async Task<IReadOnlyList<ConsultationRow>> ListAsync(ConsultationQuery q, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await Visible(db, scope, q).Include(c => c.NextSteps)
            .Join(db.Schools, c => c.SchoolId, s => s.Id, (c, s) => new { c, School = s.ShortName, Municipality = s.Municipality!.Name })
            .OrderByDescending(x => x.c.Date).ThenBy(x => x.School).ToListAsync(ct);
        var ids = rows.Select(r => r.c.Id).ToList();
        var ratings = await db.ConsultationFeedback.AsNoTracking().Where(f => ids.Contains(f.ConsultationId))
            .Select(f => new { f.ConsultationId, f.UserId, f.Rating }).ToListAsync(ct);
        var documentIds = rows.Where(r => r.c.MaterialsDocumentId is not null).Select(r => r.c.MaterialsDocumentId!.Value).Distinct().ToList();
        var materials = await db.DocumentVersions.LatestOfAsync(documentIds, ct);
        return rows.Select(r =>
        {
            var mine = ratings.Where(f => f.ConsultationId == r.c.Id).ToList();
            r.c.NextSteps = [.. r.c.NextSteps.OrderBy(s => s.Deadline)];
            return new ConsultationRow(r.c, r.School, r.Municipality, mine.Count == 0 ? null : mine.Average(f => f.Rating), mine.Count,
                r.c.MentorId == scope.UserId && scope.IsIn(Roles.Mentor),
                scope.IsIn(Roles.School) && scope.SchoolId == r.c.SchoolId && mine.All(f => f.UserId != scope.UserId),
                r.c.MaterialsDocumentId is { } d && materials.TryGetValue(d, out var v) ? new MaterialsFile(v.VersionId, v.FileName) : null);
        }).ToList();
    }

    private static IQueryable<Consultation> Visible(AppDbContext db, UserScope scope, ConsultationQuery q)
    {
        var query = db.Consultations.AsNoTracking().VisibleTo(scope, db);
        if (q.SchoolId is { } sid) query = query.Where(c => c.SchoolId == sid);
        if (q.From is { } from) query = query.Where(c => c.Date >= from);
        if (q.To is { } to) query = query.Where(c => c.Date <= to);
        return query;
    }

    public async Task<Guid> SaveAsync(ConsultationEdit edit, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Mentor);
        EditValidation.ThrowIfInvalid(edit);
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await Visibility.AssignedSchoolIds(db, scope.UserId).AnyAsync(id => id == edit.SchoolId, ct))
        {
            throw new ScopeException("Вести журнал можно только по закреплённым за вами школам.");
        }
        if (edit.MaterialsDocumentId is { } docId && !await db.Documents.AnyAsync(d => d.Id == docId && d.SchoolId == edit.SchoolId, ct))
        {
            throw new DomainException("Материалы должны быть документом этой школы.");
        }

        Consultation consultation;
        if (edit.Id is { } id)
        {
            consultation = await db.Consultations.Include(c => c.NextSteps).FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new ScopeException("Запись не найдена.");
            if (consultation.MentorId != scope.UserId) throw new ScopeException("Изменять запись журнала может только её автор.");
            db.Entry(consultation).Property(c => c.Version).OriginalValue = edit.Version;
            db.ConsultationSteps.RemoveRange(consultation.NextSteps);
            consultation.NextSteps.Clear();
        }
        else
        {
            consultation = new Consultation
            {
                Id = Guid.NewGuid(), RegionId = scope.RegionId, MentorId = scope.UserId, MentorName = scope.UserName, CreatedAt = clock.GetUtcNow(),
            };
            db.Consultations.Add(consultation);
        }
        consultation.SchoolId = edit.SchoolId!.Value;
        consultation.Date = edit.Date!.Value;
        consultation.Format = edit.Format;
        consultation.Topic = edit.Topic.Trim();
        consultation.DurationMinutes = edit.DurationMinutes;
        consultation.ParticipantsCount = edit.ParticipantsCount;
        consultation.ParticipantRoles = edit.ParticipantRoles.Trim();
        consultation.Outcome = edit.Outcome.Trim();
        consultation.MaterialsDocumentId = edit.MaterialsDocumentId;
        foreach (var step in edit.Steps)
        {
            var row = new ConsultationStep
            {
                Id = Guid.NewGuid(), RegionId = consultation.RegionId, ConsultationId = consultation.Id, Text = step.Text.Trim(), Deadline = step.Deadline!.Value,
            };
            db.ConsultationSteps.Add(row);
        }
        db.Record(scope, edit.Id is null ? "consultation.create" : "consultation.update", "consultation", consultation.Id, consultation.Topic, clock);
        await db.SaveOrRefuseStaleAsync("Запись журнала уже изменил другой пользователь. Обновите страницу и повторите изменения.", ct);
        edit.Id = consultation.Id;
        edit.Version = consultation.Version;
        return consultation.Id;
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Mentor);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new ScopeException("Запись не найдена.");
        if (consultation.MentorId != scope.UserId) throw new ScopeException("Удалять запись журнала может только её автор.");
        if (await db.ConsultationFeedback.AnyAsync(f => f.ConsultationId == id, ct)) throw new DomainException("По консультации уже есть отзыв школы; запись нельзя удалить.");
        db.Consultations.Remove(consultation);
        db.Record(scope, "consultation.delete", "consultation", id, consultation.Topic, clock);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A school team member rates a consultation of their school, once.</summary>
    public async Task GiveFeedbackAsync(Guid consultationId, int rating, string? comment, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.School);
        if (rating is < 1 or > 5) throw new DomainException("Оценка должна быть от 1 до 5.");
        comment = comment?.Trim() ?? "";
        if (comment.Length > 4000) throw new DomainException("Комментарий не длиннее 4000 символов.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var consultation = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == consultationId, ct);
        if (consultation is null || consultation.SchoolId != scope.SchoolId) throw new ScopeException("Отзыв оставляет только команда школы, в которой прошла консультация.");
        if (await db.ConsultationFeedback.AnyAsync(f => f.ConsultationId == consultationId && f.UserId == scope.UserId, ct))
        {
            throw new DomainException("Вы уже оставили отзыв об этой консультации.");
        }
        db.ConsultationFeedback.Add(new ConsultationFeedback
        {
            Id = Guid.NewGuid(), RegionId = scope.RegionId, ConsultationId = consultationId, SchoolId = consultation.SchoolId, UserId = scope.UserId,
            UserName = scope.UserName, Rating = rating, Comment = comment, At = clock.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException("Вы уже оставили отзыв об этой консультации.");
        }
    }

    /// <summary>The feedback journal within scope.</summary>
    public async Task<IReadOnlyList<FeedbackRow>> FeedbackAsync(ConsultationQuery q, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await Visible(db, scope, q)
            .Join(db.ConsultationFeedback, c => c.Id, f => f.ConsultationId, (c, f) => new { c, f })
            .Join(db.Schools, x => x.c.SchoolId, s => s.Id, (x, s) => new FeedbackRow(x.c.Id, x.c.Date, s.ShortName, x.c.Topic, x.c.MentorName,
                x.f.UserName, x.f.Rating, x.f.Comment, x.f.At))
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.Date).ThenBy(r => r.School)];
    }

    /// <summary>
    /// Consultations per school per month of <paramref name="year"/> for every school the user sees (a mentor: the assigned
    /// ones); schools without a consultation for more than the configured number of days are highlighted.
    /// </summary>
    public async Task<IReadOnlyList<SchoolConsultations>> SummaryAsync(int year, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var schools = await db.Schools.AsNoTracking().VisibleTo(scope, db)
            .Select(s => new { s.Id, s.ShortName, Municipality = s.Municipality!.Name }).ToListAsync(ct);
        var ids = schools.Select(s => s.Id).ToList();
        var counts = await db.Consultations.AsNoTracking().Where(c => ids.Contains(c.SchoolId) && c.Date.Year == year)
            .GroupBy(c => new { c.SchoolId, c.Date.Month }).Select(g => new { g.Key.SchoolId, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
        var today = Today;
        var last = await db.Consultations.AsNoTracking().Where(c => ids.Contains(c.SchoolId) && c.Date <= today)
            .GroupBy(c => c.SchoolId).Select(g => new { SchoolId = g.Key, Last = g.Max(c => c.Date) }).ToDictionaryAsync(x => x.SchoolId, x => x.Last, ct);
        return schools.Select(s =>
            {
                var byMonth = new int[12];
                foreach (var c in counts.Where(c => c.SchoolId == s.Id)) byMonth[c.Month - 1] = c.Count;
                DateOnly? lastDate = last.TryGetValue(s.Id, out var d) ? d : null;
                int? days = lastDate is { } l ? today.DayNumber - l.DayNumber : null;
                return new SchoolConsultations(s.Id, s.ShortName, s.Municipality, byMonth, lastDate, days, days is null || days > targets.DaysWithoutConsultation);
            })
            .OrderByDescending(s => s.Highlighted).ThenBy(s => s.Municipality).ThenBy(s => s.School).ToList();
    }

    public async Task WriteJournalXlsxAsync(ConsultationQuery q, Stream output, CancellationToken ct = default)
    {
        var rows = await ListAsync(q, ct);
        XlsxExport.Write(rows, output, "Журнал консультаций",
        [
            ("Дата", r => r.Consultation.Date.ToDateTime(TimeOnly.MinValue)),
            ("Школа", r => r.School),
            ("Муниципалитет", r => r.Municipality),
            ("Наставник", r => r.Consultation.MentorName),
            ("Формат", r => MentoringLabels.Of(r.Consultation.Format)),
            ("Тема", r => r.Consultation.Topic),
            ("Продолжительность, мин", r => r.Consultation.DurationMinutes),
            ("Участников", r => r.Consultation.ParticipantsCount),
            ("Роли участников", r => r.Consultation.ParticipantRoles),
            ("Результат", r => r.Consultation.Outcome),
            ("Следующие шаги", r => string.Join("; ", r.Consultation.NextSteps.Select(s => $"{s.Text} (до {s.Deadline:dd.MM.yyyy})"))),
            ("Средняя оценка школы", r => r.AverageRating is { } a ? Math.Round(a, 2) : null),
        ]);
    }

    public async Task WriteFeedbackXlsxAsync(ConsultationQuery q, Stream output, CancellationToken ct = default)
    {
        var rows = await FeedbackAsync(q, ct);
        XlsxExport.Write(rows, output, "Журнал обратной связи",
        [
            ("Дата консультации", r => r.Date.ToDateTime(TimeOnly.MinValue)),
            ("Школа", r => r.School),
            ("Тема", r => r.Topic),
            ("Наставник", r => r.Mentor),
            ("Автор отзыва", r => r.UserName),
            ("Оценка", r => r.Rating),
            ("Комментарий", r => r.Comment),
        ]);
    }

    public async Task WriteSummaryXlsxAsync(int year, Stream output, CancellationToken ct = default)
    {
        var rows = await SummaryAsync(year, ct);
        var months = System.Globalization.CultureInfo.GetCultureInfo("ru-RU").DateTimeFormat.MonthNames;
        var columns = new List<(string, Func<SchoolConsultations, object?>)>
        {
            ("Муниципалитет", r => r.Municipality),
            ("Школа", r => r.School),
        };
        for (var m = 0; m < 12; m++)
        {
            var month = m;
            columns.Add((months[m], r => r.ByMonth[month]));
        }
        columns.Add(("Всего", r => r.Total));
        columns.Add(("Последняя консультация", r => r.Last?.ToDateTime(TimeOnly.MinValue)));
        columns.Add(($"Нет консультаций более {targets.DaysWithoutConsultation} дн.", r => r.Highlighted ? "да" : "нет"));
        XlsxExport.Write(rows, output, $"Консультации {year}", columns);
    }
}
