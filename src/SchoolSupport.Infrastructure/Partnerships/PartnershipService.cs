using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Domain.Schools;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Schools;

namespace SchoolSupport.Infrastructure.Partnerships;

public sealed class PartnershipEdit : IValidatableObject
{
    public Guid? Id { get; set; }
    public uint Version { get; set; }

    [Required(ErrorMessage = "Укажите название партнёрства.")]
    [StringLength(500, ErrorMessage = "Название не длиннее 500 символов.")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Выберите школу-лидера или центр.")]
    public Guid? LeaderSchoolId { get; set; }

    public PartnerRole LeaderRole { get; set; }
    public NetworkModel Model { get; set; }

    [StringLength(100, ErrorMessage = "Номер соглашения не длиннее 100 символов.")]
    public string AgreementNumber { get; set; } = "";

    public DateOnly? AgreementDate { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public SupportTypes SupportTypes { get; set; }
    public List<Guid> SchoolIds { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var error in Partnership.CheckDates(AgreementDate, ValidFrom, ValidTo)) yield return new ValidationResult(error);
        if (SupportTypes == SupportTypes.None) yield return new ValidationResult("Отметьте хотя бы один вид поддержки.");
        if (SchoolIds.Count == 0) yield return new ValidationResult("Выберите хотя бы одну поддерживаемую школу.");
        if (LeaderSchoolId is { } leader && SchoolIds.Contains(leader)) yield return new ValidationResult("Школа-лидер не может быть среди поддерживаемых школ.");
    }

    public static PartnershipEdit From(Partnership p) => new()
    {
        Id = p.Id, Version = p.Version, Title = p.Title, LeaderSchoolId = p.LeaderSchoolId, LeaderRole = p.LeaderRole, Model = p.Model,
        AgreementNumber = p.AgreementNumber, AgreementDate = p.AgreementDate, ValidFrom = p.ValidFrom, ValidTo = p.ValidTo,
        SupportTypes = p.SupportTypes, SchoolIds = [.. p.Schools.Select(s => s.SchoolId)],
    };
}

public sealed record PartnershipRow(Guid Id, string Title, string Leader, PartnerRole LeaderRole, NetworkModel Model, string AgreementNumber,
    DateOnly? AgreementDate, DateOnly ValidFrom, DateOnly ValidTo, SupportTypes SupportTypes, PartnershipStatus Status, int Schools);

public sealed record SchoolName(Guid Id, string Name, string Municipality, Guid MunicipalityId);

public sealed record PartnershipView(Partnership Partnership, SchoolName Leader, IReadOnlyList<SchoolName> Schools, bool CanManage, bool CanReport,
    IReadOnlyList<PartnershipStatus> NextSteps, string? AgreementFileName, Guid? AgreementVersionId);

public sealed record AgreementsKpi(int Year, int Signed, int Target)
{
    public bool Met => Signed >= Target;
}

/// <summary>Why a school may lead a partnership: the registry flags and stable high results over the last years.</summary>
public sealed record LeaderEligibility(Guid SchoolId, string School, string Municipality, LeaderKind Leader, bool IsInnovationSite, bool IsConsultingCentre,
    bool StableHighResults, decimal? MaxBelowMinimumShare)
{
    public bool IsEligible => Leader != LeaderKind.None || IsInnovationSite || IsConsultingCentre || StableHighResults;
}

/// <summary>
/// Partnership agreements between leader schools (or consulting and resource centres) and supported schools, with the
/// joint plan and reports. The operator manages all; a municipal coordinator the partnerships whose schools are all in
/// the municipality; a school team of a participating school writes reports.
/// </summary>
public sealed class PartnershipService(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock, SupportTargets targets)
{
    private const string StaleMessage = "Партнёрство уже изменил другой пользователь. Обновите страницу и повторите изменения.";

    private DateOnly Today => clock.Today();

    public static bool CanCreate(UserScope scope) => scope.IsIn(Roles.Operator) || scope.IsIn(Roles.Municipal);

    private static IQueryable<Partnership> Visible(AppDbContext db, UserScope scope) => db.Partnerships.VisibleTo(scope, db);

    public async Task<IReadOnlyList<PartnershipRow>> ListAsync(CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await Visible(db, scope).AsNoTracking()
            .Join(db.Schools, p => p.LeaderSchoolId, s => s.Id, (p, s) => new PartnershipRow(p.Id, p.Title, s.ShortName, p.LeaderRole, p.Model,
                p.AgreementNumber, p.AgreementDate, p.ValidFrom, p.ValidTo, p.SupportTypes, p.Status, p.Schools.Count))
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Status).ThenByDescending(r => r.ValidFrom)];
    }

    public async Task<PartnershipView?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await Visible(db, scope).AsNoTracking().Include(x => x.Schools).Include(x => x.Activities).Include(x => x.Reports)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        p.Activities = [.. p.Activities.OrderBy(a => a.Deadline)];
        p.Reports = [.. p.Reports.OrderByDescending(r => r.Date)];
        var ids = p.Schools.Select(s => s.SchoolId).Append(p.LeaderSchoolId).ToList();
        var names = await db.Schools.AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.MunicipalityId, Name = new SchoolName(s.Id, s.ShortName, s.Municipality!.Name, s.MunicipalityId) }).ToListAsync(ct);
        var canManage = CanManage(scope, names.Select(n => n.MunicipalityId));
        var canReport = canManage || (scope.IsIn(Roles.School) && scope.SchoolId is { } own && ids.Contains(own));
        var file = p.AgreementDocumentId is { } docId ? (await db.DocumentVersions.LatestOfAsync([docId], ct)).GetValueOrDefault(docId) : null;
        return new PartnershipView(p, names.First(n => n.Id == p.LeaderSchoolId).Name,
            [.. names.Where(n => n.Id != p.LeaderSchoolId).Select(n => n.Name).OrderBy(n => n.Name)],
            canManage, canReport && p.Status is PartnershipStatus.Signed or PartnershipStatus.Active,
            canManage ? [.. Partnership.NextFrom(p.Status)] : [], file?.FileName, file?.VersionId);
    }

    private static bool CanManage(UserScope scope, IEnumerable<Guid> municipalities) =>
        scope.IsIn(Roles.Operator) || (scope.IsIn(Roles.Municipal) && scope.MunicipalityId is { } own && municipalities.All(m => m == own));

    public async Task<Guid> SaveAsync(PartnershipEdit edit, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator, Roles.Municipal);
        edit.SchoolIds = [.. edit.SchoolIds.Distinct()];
        EditValidation.ThrowIfInvalid(edit);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var ids = edit.SchoolIds.Append(edit.LeaderSchoolId!.Value).ToList();
        var schools = await db.Schools.VisibleTo(scope, db).Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.MunicipalityId }).ToListAsync(ct);
        if (schools.Count != ids.Count) throw new ScopeException("Школа не найдена в вашей зоне ответственности.");
        if (!CanManage(scope, schools.Select(s => s.MunicipalityId))) throw new ScopeException("Недостаточно прав для изменения партнёрства.");

        Partnership p;
        if (edit.Id is { } id)
        {
            p = await ManagedAsync(db, scope, id, ct);
            if (!p.IsEditable) throw new DomainException("Завершённое партнёрство не изменяется.");
            db.Entry(p).Property(x => x.Version).OriginalValue = edit.Version;
            db.PartnershipSchools.RemoveRange(p.Schools.Where(s => !edit.SchoolIds.Contains(s.SchoolId)));
            foreach (var sid in edit.SchoolIds.Where(s => p.Schools.All(x => x.SchoolId != s)))
            {
                db.PartnershipSchools.Add(new PartnershipSchool { Id = Guid.NewGuid(), RegionId = p.RegionId, PartnershipId = p.Id, SchoolId = sid });
            }
        }
        else
        {
            p = new Partnership { Id = Guid.NewGuid(), RegionId = scope.RegionId, CreatedAt = clock.GetUtcNow() };
            db.Partnerships.Add(p);
            foreach (var sid in edit.SchoolIds)
            {
                db.PartnershipSchools.Add(new PartnershipSchool { Id = Guid.NewGuid(), RegionId = p.RegionId, PartnershipId = p.Id, SchoolId = sid });
            }
        }
        p.Title = edit.Title.Trim();
        p.LeaderSchoolId = edit.LeaderSchoolId.Value;
        p.LeaderRole = edit.LeaderRole;
        p.Model = edit.Model;
        p.SetAgreement(edit.AgreementNumber, edit.AgreementDate);
        p.ValidFrom = edit.ValidFrom!.Value;
        p.ValidTo = edit.ValidTo!.Value;
        p.SupportTypes = edit.SupportTypes;
        db.Record(scope, edit.Id is null ? "partnership.create" : "partnership.update", "partnership", p.Id, p.Title, clock);
        await SaveAsync(db, ct);
        edit.Id = p.Id;
        edit.Version = p.Version;
        return p.Id;
    }

    private async Task<Partnership> ManagedAsync(AppDbContext db, UserScope scope, Guid id, CancellationToken ct)
    {
        var p = await Visible(db, scope).Include(x => x.Schools).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new ScopeException("Партнёрство не найдено.");
        var municipalities = await db.Schools.Where(s => s.Id == p.LeaderSchoolId || p.Schools.Select(x => x.SchoolId).Contains(s.Id))
            .Select(s => s.MunicipalityId).ToListAsync(ct);
        if (!CanManage(scope, municipalities)) throw new ScopeException("Недостаточно прав для изменения партнёрства.");
        return p;
    }

    /// <summary>Moves the agreement along proposed → signed → active → ended; the domain refuses other steps.</summary>
    public async Task<uint> MoveAsync(Guid id, uint version, PartnershipStatus to, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator, Roles.Municipal);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await ManagedAsync(db, scope, id, ct);
        db.Entry(p).Property(x => x.Version).OriginalValue = version;
        var from = p.Status;
        p.MoveTo(to);
        db.Record(scope, "partnership.status", "partnership", p.Id, $"{PartnershipLabels.Of(from)} → {PartnershipLabels.Of(to)}", clock);
        await SaveAsync(db, ct);
        return p.Version;
    }

    /// <summary>Links an uploaded agreement (a document of the leader school) to the partnership.</summary>
    public async Task AttachAgreementAsync(Guid id, Guid documentId, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator, Roles.Municipal);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await ManagedAsync(db, scope, id, ct);
        if (!await db.Documents.AnyAsync(d => d.Id == documentId && d.SchoolId == p.LeaderSchoolId, ct)) throw new ScopeException("Документ не найден.");
        p.AgreementDocumentId = documentId;
        db.Record(scope, "partnership.agreement", "partnership", p.Id, documentId.ToString(), clock);
        await SaveAsync(db, ct);
    }

    public async Task AddActivityAsync(Guid id, string title, DateOnly? deadline, string responsible, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator, Roles.Municipal);
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("Опишите мероприятие совместного плана.");
        if (title.Length > 2000) throw new DomainException("Мероприятие не длиннее 2000 символов.");
        if (deadline is null) throw new DomainException("Укажите срок мероприятия.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await ManagedAsync(db, scope, id, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task SetActivityDoneAsync(Guid id, Guid activityId, bool done, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator, Roles.Municipal);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var p = await ManagedAsync(db, scope, id, ct);
        var activity = await db.PartnershipActivities.FirstOrDefaultAsync(a => a.Id == activityId && a.PartnershipId == p.Id, ct)
            ?? throw new ScopeException("Мероприятие не найдено.");
        activity.Done = done;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A periodic report by the managers or by a participating school's team, while the agreement is in force.</summary>
    public async Task AddReportAsync(Guid id, DateOnly? date, string text, CancellationToken ct = default)
    {
        if (date is null) throw new DomainException("Укажите дату отчёта.");
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("Введите текст отчёта.");
        if (text.Length > 8000) throw new DomainException("Отчёт не длиннее 8000 символов.");
        var view = await GetAsync(id, ct) ?? throw new ScopeException("Партнёрство не найдено.");
        if (!view.CanReport) throw new ScopeException("Отчёт добавляют участники действующего партнёрства.");
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        db.PartnershipReports.Add(new PartnershipReport
        {
            Id = Guid.NewGuid(), RegionId = view.Partnership.RegionId, PartnershipId = id, Date = date.Value, Text = text.Trim(), AuthorName = scope.UserName,
            CreatedAt = clock.GetUtcNow(),
        });
        db.Record(scope, "partnership.report", "partnership", id, $"отчёт за {date:dd.MM.yyyy}", clock);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Agreements signed in the year within the user's scope, against the target (default 5 a year).</summary>
    public async Task<AgreementsKpi> KpiAsync(int? year = null, CancellationToken ct = default)
    {
        var scope = current.Require();
        var y = year ?? Today.Year;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var from = new DateOnly(y, 1, 1);
        var to = new DateOnly(y, 12, 31);
        var signed = await Visible(db, scope).CountAsync(p => p.SignedOn >= from && p.SignedOn <= to && p.Status != PartnershipStatus.Proposed, ct);
        return new AgreementsKpi(y, signed, targets.AgreementsPerYear);
    }

    /// <summary>
    /// Schools the user sees that may lead a partnership: leader, innovation site or consulting centre in the registry, or
    /// stable high results — results in each of the last years with no share below the minimum score above the threshold.
    /// </summary>
    public async Task<IReadOnlyList<LeaderEligibility>> EligibilityAsync(bool eligibleOnly = true, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var lastYear = await db.Results.MaxAsync(r => (int?)r.Year, ct);
        var years = targets.LeaderResultYears;
        var stats = lastYear is { } last
            ? await db.Results.AsNoTracking().Where(r => r.Year > last - years)
                .GroupBy(r => r.SchoolId)
                .Select(g => new { SchoolId = g.Key, Years = g.Select(r => r.Year).Distinct().Count(), Max = g.Max(r => r.BelowMinimumShare) })
                .ToDictionaryAsync(x => x.SchoolId, ct)
            : [];
        var schools = await db.Schools.AsNoTracking().VisibleTo(scope, db)
            .Select(s => new { s.Id, s.ShortName, Municipality = s.Municipality!.Name, s.Leader, s.IsInnovationSite, s.IsConsultingCentre })
            .ToListAsync(ct);
        return schools.Select(s =>
            {
                var found = stats.TryGetValue(s.Id, out var st);
                var stable = found && st!.Years >= years && st.Max <= targets.LeaderMaxBelowMinimumShare;
                return new LeaderEligibility(s.Id, s.ShortName, s.Municipality, s.Leader, s.IsInnovationSite, s.IsConsultingCentre, stable, found ? st!.Max : null);
            })
            .Where(e => !eligibleOnly || e.IsEligible)
            .OrderBy(e => e.Municipality).ThenBy(e => e.School).ToList();
    }

    /// <summary>Schools to choose as partners: those the user sees.</summary>
    public async Task<IReadOnlyList<SchoolName>> SchoolsAsync(CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Schools.AsNoTracking().VisibleTo(scope, db).OrderBy(s => s.ShortName)
            .Select(s => new SchoolName(s.Id, s.ShortName, s.Municipality!.Name, s.MunicipalityId)).ToListAsync(ct);
    }

    public async Task WriteXlsxAsync(Stream output, CancellationToken ct = default)
    {
        var rows = await ListAsync(ct);
        XlsxExport.Write(rows, output, "Партнёрства",
        [
            ("Партнёрство", r => r.Title), ("Лидер", r => r.Leader), ("Роль", r => PartnershipLabels.Of(r.LeaderRole)),
            ("Модель", r => PartnershipLabels.Of(r.Model)), ("Номер соглашения", r => r.AgreementNumber), ("Дата соглашения", r => r.AgreementDate),
            ("Действует с", r => r.ValidFrom), ("Действует по", r => r.ValidTo), ("Виды поддержки", r => PartnershipLabels.Of(r.SupportTypes)),
            ("Статус", r => PartnershipLabels.Of(r.Status)), ("Поддерживаемых школ", r => r.Schools),
        ]);
    }

    private static async Task SaveAsync(AppDbContext db, CancellationToken ct)
    {
        await db.SaveOrRefuseStaleAsync(StaleMessage, ct);
    }
}
