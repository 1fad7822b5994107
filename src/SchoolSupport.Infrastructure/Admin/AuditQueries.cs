using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.Admin;

/// <summary>One line of the audit log as people read it: who (full name), what (in Russian), on which object (its name and page).</summary>
public sealed record AuditRow(DateTimeOffset At, string Person, string Action, string ObjectKind, string ObjectName, string? Link, string Details);

/// <summary>The region's audit log in Russian: action codes become words, object ids become names and links.</summary>
public sealed partial class AuditQueries(IDbContextFactory<AppDbContext> dbs, ICurrentScope current)
{
    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();

    private static Regex Guids => GuidPattern();

    public async Task<IReadOnlyList<AuditRow>> LatestAsync(int take, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Admin, Roles.Ministry, Roles.Operator);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var entries = await db.Audit.Where(a => a.RegionId == scope.RegionId).OrderByDescending(a => a.At).Take(take).AsNoTracking().ToListAsync(ct);
        var names = await NamesAsync(db, entries, ct);
        // Older entries name a school by its id in the details («→ школа 9bb9…»): the school's name is shown instead.
        var mentioned = entries.SelectMany(e => Guids.Matches(e.Details).Select(m => Guid.Parse(m.Value))).Distinct().ToList();
        var schoolNames = await db.Schools.Where(s => mentioned.Contains(s.Id)).Select(s => new { s.Id, s.ShortName }).ToDictionaryAsync(s => s.Id, s => s.ShortName, ct);
        string Readable(string details) => Guids.Replace(details, m => schoolNames.TryGetValue(Guid.Parse(m.Value), out var school) ? $"«{school}»" : m.Value);
        var people = await db.Users.Where(u => u.RegionId == scope.RegionId).Select(u => new { u.Id, u.FullName }).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        return [.. entries.Select(e =>
        {
            var person = e.UserId is { } userId && people.TryGetValue(userId, out var fullName) && fullName.Length > 0 ? fullName : e.UserName;
            var id = Guid.TryParse(e.EntityId, out var g) ? g : (Guid?)null;
            var name = id is { } key && names.TryGetValue(key, out var known) ? known : "";
            return new AuditRow(e.At, person, AuditLabels.Action(e.Action), AuditLabels.Kind(e.EntityType), name, AuditLabels.Link(e.EntityType, id), Readable(e.Details));
        })];
    }

    /// <summary>The names of the objects the entries speak of, by id, for the kinds people look up.</summary>
    private static async Task<Dictionary<Guid, string>> NamesAsync(AppDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        List<Guid> Ids(string kind) => [.. entries.Where(e => e.EntityType == kind).Select(e => Guid.TryParse(e.EntityId, out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).Distinct()];
        var names = new Dictionary<Guid, string>();
        void Add(IEnumerable<(Guid Id, string Name)> rows)
        {
            foreach (var (id, name) in rows) names[id] = name;
        }

        var plans = Ids("plan");
        Add((await db.Plans.Where(p => plans.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToListAsync(ct)).Select(p => (p.Id, p.Title)));
        var lists = Ids("support-list");
        Add((await db.Set<SupportList>().Where(l => lists.Contains(l.Id)).Select(l => new { l.Id, l.Year, l.Version }).ToListAsync(ct))
            .Select(l => (l.Id, $"Перечень на {l.Year}/{l.Year + 1} учебный год" + (l.Version > 1 ? $", изменение № {l.Version - 1}" : ""))));
        var schools = Ids("school");
        Add((await db.Schools.Where(s => schools.Contains(s.Id)).Select(s => new { s.Id, s.ShortName }).ToListAsync(ct)).Select(s => (s.Id, s.ShortName)));
        var partnerships = Ids("partnership");
        Add((await db.Partnerships.Where(p => partnerships.Contains(p.Id)).Select(p => new { p.Id, p.Title }).ToListAsync(ct)).Select(p => (p.Id, p.Title)));
        var documents = Ids("document");
        Add((await db.Documents.Where(d => documents.Contains(d.Id)).Select(d => new { d.Id, d.Title }).ToListAsync(ct)).Select(d => (d.Id, d.Title)));
        var municipalities = Ids("municipality");
        Add((await db.Municipalities.Where(m => municipalities.Contains(m.Id)).Select(m => new { m.Id, m.Name }).ToListAsync(ct)).Select(m => (m.Id, m.Name)));
        var districts = Ids("district");
        Add((await db.Districts.Where(d => districts.Contains(d.Id)).Select(d => new { d.Id, d.Name }).ToListAsync(ct)).Select(d => (d.Id, d.Name)));
        var methodologies = Ids("methodology");
        Add((await db.Set<MethodologyVersion>().Where(m => methodologies.Contains(m.Id)).Select(m => new { m.Id, m.Name, m.Version }).ToListAsync(ct))
            .Select(m => (m.Id, $"{m.Name}, версия {m.Version}")));
        var users = Ids("user");
        Add((await db.Users.Where(u => users.Contains(u.Id)).Select(u => new { u.Id, u.FullName }).ToListAsync(ct)).Select(u => (u.Id, u.FullName)));
        return names;
    }
}

/// <summary>Russian words for the audit log's action codes and object kinds, and the page of each kind.</summary>
public static class AuditLabels
{
    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        ["calendar.identification-day"] = "Изменена дата выявления школ",
        ["calendar.template"] = "Выбран шаблон календаря",
        ["consultation.create"] = "Записана консультация",
        ["consultation.update"] = "Изменена консультация",
        ["consultation.delete"] = "Удалена консультация",
        ["context.import"] = "Загружены контекстные данные",
        ["deficit-survey.save"] = "Сохранён опрос о дефицитах",
        ["district.create"] = "Создан образовательный округ",
        ["district.update"] = "Изменён образовательный округ",
        ["district.deactivate"] = "Округ выведен из использования",
        ["district.reactivate"] = "Округ снова используется",
        ["document.upload"] = "Загружен документ",
        ["document.accept"] = "Документ принят",
        ["document.return"] = "Документ возвращён на доработку",
        ["identification.run"] = "Выполнен расчёт перечня",
        ["identification.trial"] = "Сохранён пробный расчёт",
        ["import.districts"] = "Загружены округа",
        ["import.municipalities"] = "Загружены муниципалитеты",
        ["import.invitations"] = "Приглашения из файла",
        ["import.registry"] = "Загружен реестр ОО",
        ["list.amend"] = "Создано изменение перечня",
        ["list.approve"] = "Перечень утверждён",
        ["list.publish"] = "Перечень опубликован",
        ["list.return"] = "Перечень возвращён на доработку",
        ["list.review"] = "Начата проверка перечня",
        ["list.submit"] = "Перечень направлен на утверждение",
        ["list.add-school"] = "Школа включена в перечень оператором",
        ["list.remove-school"] = "Школа исключена из перечня оператором",
        ["mentor.assign"] = "Наставник назначен",
        ["mentor.unassign"] = "Наставник снят",
        ["methodology.approve"] = "Методика утверждена",
        ["methodology.create"] = "Создана версия методики",
        ["methodology.update"] = "Изменена методика",
        ["monitoring.check"] = "Проверка РЦОКО",
        ["monitoring.reminders"] = "Изменены напоминания",
        ["monitoring.stage"] = "Открыт этап мониторинга",
        ["monitoring.stage-added"] = "Добавлен этап мониторинга",
        ["monitoring.stage-dates"] = "Изменены сроки этапа",
        ["monitoring.stage-removed"] = "Удалён этап мониторинга",
        ["monitoring.target"] = "Изменено целевое значение",
        ["monitoring.task-done"] = "Задача выполнена",
        ["monitoring.template-added"] = "Добавлена задача этапа",
        ["monitoring.template-due"] = "Изменён срок задачи",
        ["monitoring.template-removed"] = "Удалена задача этапа",
        ["monitoring.value"] = "Внесено значение показателя",
        ["monitoring.year"] = "Создан календарь мониторинга",
        ["partnership.agreement"] = "Загружено соглашение",
        ["partnership.create"] = "Создано партнёрство",
        ["partnership.update"] = "Изменено партнёрство",
        ["partnership.report"] = "Добавлен отчёт партнёрства",
        ["partnership.status"] = "Изменён статус партнёрства",
        ["pd-application.attendance"] = "Отмечено участие",
        ["pd-event.create"] = "Создано мероприятие ПК",
        ["pd-event.update"] = "Изменено мероприятие ПК",
        ["plan.create"] = "Создан план",
        ["plan.status"] = "Изменён статус плана",
        ["plan.update"] = "Изменены сведения о плане",
        ["plan-item.create"] = "Добавлено мероприятие плана",
        ["plan-item.update"] = "Изменено мероприятие плана",
        ["plan-item.delete"] = "Удалено мероприятие плана",
        ["plan-item.evidence"] = "Приложен подтверждающий материал",
        ["plan-item.evidence-replace"] = "Заменён подтверждающий материал",
        ["plan-item.evidence-remove"] = "Убран подтверждающий материал",
        ["plan-item.overdue"] = "Отмечены просроченные мероприятия",
        ["plan-section.save"] = "Сохранён раздел программы",
        ["practice.submit"] = "Практика направлена на рассмотрение",
        ["practice.publish"] = "Практика опубликована",
        ["practice.return"] = "Практика возвращена",
        ["region.create"] = "Создан регион",
        ["region.update"] = "Изменён регион",
        ["results.import"] = "Загружены результаты",
        ["risk-decision.register"] = "Зарегистрировано решение по рискам",
        ["risk-factor.save"] = "Сохранён фактор риска",
        ["risk-profile.key-risks"] = "Выбраны ключевые риски",
        ["risk-profile.save"] = "Заполнен рисковый профиль",
        ["risk-question.save"] = "Сохранён вопрос анкеты",
        ["risk-review.save"] = "Сохранена оценка эффективности",
        ["risk-settings.save"] = "Изменены настройки рисков",
        ["school.create"] = "Добавлена школа",
        ["school.update"] = "Изменены сведения о школе",
        ["school-year.start"] = "Начат новый учебный год",
        ["user.deactivate"] = "Учётная запись отключена",
        ["user.invite"] = "Отправлено приглашение",
        ["user.password"] = "Установлен пароль",
        ["user.reactivate"] = "Учётная запись включена",
        ["user.reinvite"] = "Приглашение отправлено повторно",
        ["user.role"] = "Изменена роль",
        ["user.unlock"] = "Снята блокировка",
    };

    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["consultation"] = "Консультация", ["deficit-survey"] = "Опрос о дефицитах", ["district"] = "Округ", ["document"] = "Документ",
        ["file"] = "Файл", ["identification-trial"] = "Пробный расчёт", ["import"] = "Загрузка", ["indicator"] = "Показатель",
        ["mentor-assignment"] = "Назначение наставника", ["methodology"] = "Методика", ["monitoring-stage"] = "Этап мониторинга",
        ["monitoring-task"] = "Задача мониторинга", ["monitoring-template"] = "Задача этапа", ["monitoring-year"] = "Календарь мониторинга",
        ["municipality"] = "Муниципалитет", ["partnership"] = "Партнёрство", ["pd-application"] = "Заявка на ПК", ["pd-event"] = "Мероприятие ПК",
        ["plan"] = "План", ["plan-section"] = "Раздел программы", ["practice"] = "Практика", ["region"] = "Регион",
        ["region-calendar"] = "Календарь региона", ["risk-decision"] = "Решение по рискам", ["risk-factor"] = "Фактор риска",
        ["risk-profile"] = "Рисковый профиль", ["risk-settings"] = "Настройки рисков", ["school"] = "Школа", ["school-year"] = "Учебный год",
        ["support-list"] = "Перечень", ["user"] = "Пользователь",
    };

    /// <summary>The action in Russian; an unknown code (a newer kind of entry) is shown as it is rather than hidden.</summary>
    public static string Action(string code) => Actions.TryGetValue(code, out var title) ? title : code;

    public static string Kind(string code) => Kinds.TryGetValue(code, out var title) ? title : code;

    /// <summary>The page where the object is seen, when it has one.</summary>
    public static string? Link(string kind, Guid? id) => (kind, id) switch
    {
        ("plan", { } g) => $"/roadmaps/{g}",
        ("support-list", { } g) => $"/lists/{g}",
        ("school", { } g) => $"/schools/{g}",
        ("partnership", { } g) => $"/partnerships/{g}",
        ("identification-trial", { } g) => $"/identification/trials/{g}",
        ("document", _) => "/documents",
        ("user", _) => "/admin/users",
        ("municipality" or "district", _) => "/admin/structure",
        ("methodology", _) => "/identification",
        ("consultation", _) => "/mentoring/journal",
        ("monitoring-stage" or "monitoring-template" or "monitoring-year" or "region-calendar", _) => "/monitoring/calendar",
        ("monitoring-task", _) => "/monitoring/tasks",
        ("indicator", _) => "/monitoring/indicators",
        ("practice", _) => "/practices",
        ("risk-decision", _) => "/risks/decisions",
        ("risk-factor" or "risk-settings", _) => "/risks/setup",
        _ => null,
    };
}
