using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Schools;

namespace SchoolSupport.Infrastructure.Identification;

public sealed record ListSummary(Guid Id, int Year, int Version, ListStatus Status, int Included, int Computed, DateTimeOffset ComputedAt,
    string OrderNumber, DateOnly? OrderDate);

public sealed record EntryRow(Guid SchoolId, string SchoolCode, string School, string Municipality, double? ResultsIndex, QuartileBand? Band,
    double? SocialIndex, MatrixCell? Cell, bool LowResults, bool Disadvantaged, bool Watch, bool SecondConsecutiveYear, bool Exited,
    bool Computed, bool Included, ManualDecision Decision, string Justification, string EvidenceJson);

public sealed record ListView(SupportList List, IReadOnlyList<EntryRow> Entries, string MethodologyName, int MethodologyVersion);

public sealed record YearFigures(int Year, int Listed, double? ReductionPercent, int TwoYearsOrMore);

/// <summary>The annual list's workflow and outputs: review with justification, submission, approval by order, publication, amendments.</summary>
public sealed class SupportLists(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, TimeProvider clock)
{
    public const double ReductionTargetPercent = 25;

    private const string StaleMessage = "Перечень изменён другим пользователем — обновите страницу.";

    public async Task<IReadOnlyList<ListSummary>> AllAsync(CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Set<SupportList>().AsNoTracking().VisibleTo(scope).OrderByDescending(l => l.Year).ThenByDescending(l => l.Version)
            .Select(l => new ListSummary(l.Id, l.Year, l.Version, l.Status, l.Entries.Count(e => e.Included), l.Entries.Count(e => e.Computed),
                l.ComputedAt, l.OrderNumber, l.OrderDate))
            .ToListAsync(ct);
    }

    /// <summary>A list with the entries the user may see: regional roles all, others only their schools, and only once published.</summary>
    public async Task<ListView?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var scope = current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var list = await db.Set<SupportList>().AsNoTracking().Include(l => l.History.OrderBy(h => h.At)).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (list is null) return null;
        if (!list.CanSee(scope)) return null;
        var schools = db.Schools.VisibleTo(scope, db);
        var entries = await db.Set<SupportListEntry>().AsNoTracking().Where(e => e.ListId == id)
            .Join(schools, e => e.SchoolId, s => s.Id, (e, s) => new EntryRow(e.SchoolId, s.Code, s.ShortName, s.Municipality!.Name,
                e.ResultsIndex, e.Band, e.SocialIndex, e.Cell, e.LowResults, e.Disadvantaged, e.Watch, e.SecondConsecutiveYear, e.Exited,
                e.Computed, e.Included, e.Decision, e.Justification, e.EvidenceJson))
            .ToListAsync(ct);
        entries = [.. entries.OrderByDescending(e => e.Included).ThenBy(e => e.ResultsIndex)];
        var methodology = await db.Set<MethodologyVersion>().AsNoTracking().FirstAsync(m => m.Id == list.MethodologyId, ct);
        return new ListView(list, entries, methodology.Name, methodology.Version);
    }

    public Task StartReviewAsync(Guid id, uint rowVersion, CancellationToken ct = default) =>
        ChangeAsync(id, rowVersion, Roles.Operator, (l, who) => l.StartReview(who, clock.GetUtcNow()), "list.review", ct);

    public Task SubmitAsync(Guid id, uint rowVersion, CancellationToken ct = default) =>
        ChangeAsync(id, rowVersion, Roles.Operator, (l, who) => l.Submit(who, clock.GetUtcNow()), "list.submit", ct);

    public Task ApproveAsync(Guid id, uint rowVersion, string orderNumber, DateOnly? orderDate, CancellationToken ct = default) =>
        ChangeAsync(id, rowVersion, Roles.Ministry, (l, who) => l.Approve(orderNumber, orderDate, who, clock.GetUtcNow()), "list.approve", ct);

    public Task ReturnAsync(Guid id, uint rowVersion, string comment, CancellationToken ct = default) =>
        ChangeAsync(id, rowVersion, Roles.Ministry, (l, who) => l.Return(comment, who, clock.GetUtcNow()), "list.return", ct);

    /// <summary>Publishes the list, supersedes an amended one, and notifies the municipal and school users of listed schools.</summary>
    public Task PublishAsync(Guid id, uint rowVersion, CancellationToken ct = default) =>
        ChangeAsync(id, rowVersion, Roles.Ministry, (l, who) => l.Publish(who, clock.GetUtcNow()), "list.publish", ct, after: NotifyAndSupersedeAsync);

    /// <summary>An operator adds or removes a school with a written justification; a stale page is refused.</summary>
    public Task DecideAsync(Guid id, uint rowVersion, Guid schoolId, bool include, string justification, CancellationToken ct = default) =>
        ChangeAsync(id, rowVersion, Roles.Operator, (l, who) => l.Decide(schoolId, include, justification, who),
            include ? "list.add-school" : "list.remove-school", ct, details: $"школа {schoolId}: {justification}");

    /// <summary>Starts an amendment of a published list: a new version in review, a copy of the published entries.</summary>
    public async Task<Guid> AmendAsync(Guid publishedId, string reason, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Operator);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var source = await db.Set<SupportList>().Include(l => l.Entries).FirstOrDefaultAsync(l => l.Id == publishedId, ct)
            ?? throw new ScopeException("Перечень не найден.");
        var amendment = source.Amend(reason, scope.UserName, clock.GetUtcNow());
        if (await db.Set<SupportList>().AnyAsync(l => l.Year == source.Year && l.Version > source.Version, ct))
            throw new DomainException("Изменение этого перечня уже готовится.");
        db.Add(amendment);
        db.Record(scope, "list.amend", "support-list", amendment.Id, $"Изменение перечня {source.Year} (версия {amendment.Version}): {amendment.AmendmentReason}", clock);
        await db.SaveChangesAsync(ct);
        return amendment.Id;
    }

    /// <summary>Listed schools by year, the reduction against the previous year and schools listed two years or more.</summary>
    public async Task<IReadOnlyList<YearFigures>> YearOverYearAsync(CancellationToken ct = default)
    {
        current.Require();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var published = await db.Set<SupportList>().AsNoTracking().Where(l => l.Status == ListStatus.Published)
            .Select(l => new { l.Year, Schools = l.Entries.Where(e => e.Included).Select(e => e.SchoolId).ToList() }).ToListAsync(ct);
        var byYear = published.GroupBy(l => l.Year).ToDictionary(g => g.Key, g => g.Last().Schools.ToHashSet());
        return byYear.Keys.Order().Select(year =>
        {
            var schools = byYear[year];
            double? reduction = byYear.TryGetValue(year - 1, out var before) && before.Count > 0 ? 100.0 * (before.Count - schools.Count) / before.Count : null;
            var twoYears = byYear.TryGetValue(year - 1, out var prev) ? schools.Count(prev.Contains) : 0;
            return new YearFigures(year, schools.Count, reduction, twoYears);
        }).ToList();
    }

    public async Task<byte[]> PdfAsync(Guid id, CancellationToken ct = default)
    {
        var view = await GetAsync(id, ct) ?? throw new ScopeException("Перечень не найден.");
        await using var db = await dbs.CreateDbContextAsync(ct);
        var region = await db.Regions.AsNoTracking().FirstAsync(r => r.Id == view.List.RegionId, ct);
        var rows = view.Entries.Where(e => e.Included).OrderBy(e => e.Municipality).ThenBy(e => e.School).Select((e, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), e.Municipality, e.School, StatusOf(e), Reasons(e),
            e.SecondConsecutiveYear ? "второй год подряд: смена формата поддержки" : "",
        ]).ToList();
        var document = new ReportDocument
        {
            HeaderLines = [region.AuthorityName],
            Approval = view.List.OrderDate is { } date ? ApprovalBlock.AppendixToOrder(region.AuthorityName, date, view.List.OrderNumber) : null,
            Title = $"Перечень общеобразовательных организаций с низкими образовательными результатами и (или) функционирующих в неблагоприятных социальных условиях на {view.List.Year}/{view.List.Year + 1} учебный год"
                + (view.List.Version > 1 ? $" (изменение № {view.List.Version - 1})" : ""),
            Orientation = PageOrientation.Landscape,
            Body =
            [
                new ReportParagraph($"Методика выявления: {view.MethodologyName}, версия {view.MethodologyVersion}. Всего включено организаций: {rows.Count}."),
                new ReportTable([new("№ п/п", 0.5f, CellAlign.Center), new("Муниципальное образование", 2), new("Наименование ОО", 3),
                    new("Статус", 1.2f), new("Основания", 3), new("Примечание", 1.6f)], rows),
            ],
            Signature = new SignatureBlock("Министр образования", "____________________", view.List.OrderDate),
        };
        using var output = new MemoryStream();
        PdfReportWriter.Write(document, output);
        return output.ToArray();
    }

    public async Task<byte[]> XlsxAsync(Guid id, CancellationToken ct = default)
    {
        var view = await GetAsync(id, ct) ?? throw new ScopeException("Перечень не найден.");
        using var output = new MemoryStream();
        XlsxExport.Write(view.Entries, output, $"Перечень {view.List.Year}",
        [
            ("Код ОО", e => e.SchoolCode), ("Наименование ОО", e => e.School), ("Муниципалитет", e => e.Municipality),
            ("Включена в перечень", e => e.Included ? "да" : "нет"), ("Статус", e => StatusOf(e)),
            ("ИОР", e => e.ResultsIndex is { } v ? Math.Round(v, 3) : null), ("Квартиль ИОР", e => e.Band is { } b ? IdentificationLabels.Band(b) : ""),
            ("ИСБ", e => e.SocialIndex is { } s ? Math.Round(s, 3) : null), ("Ячейка матрицы", e => e.Cell is { } c ? IdentificationLabels.Cell(c) : ""),
            ("Второй год подряд", e => e.SecondConsecutiveYear ? "да" : ""), ("Вышла из перечня", e => e.Exited ? "да" : ""),
            ("Решение оператора", e => e.Decision switch { ManualDecision.Added => "включена", ManualDecision.Removed => "исключена", _ => "" }),
            ("Обоснование", e => e.Justification), ("Основания", e => Reasons(e)),
        ]);
        return output.ToArray();
    }

    public static string StatusOf(EntryRow e) => IdentificationLabels.ListStatus(e.LowResults, e.Disadvantaged, e.Included, e.Watch);

    public static string Reasons(EntryRow e)
    {
        var evidence = EvidenceOf(e);
        var fired = evidence.Where(x => x.Fired).Select(x => x.Description).ToList();
        if (e.Decision == ManualDecision.Added) fired.Add($"решение оператора: {e.Justification}");
        return string.Join("; ", fired);
    }

    public static IReadOnlyList<RuleEvidence> EvidenceOf(EntryRow e)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(e.EvidenceJson);
        return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("Evidence", out var list)
            ? System.Text.Json.JsonSerializer.Deserialize<List<RuleEvidence>>(list.GetRawText()) ?? []
            : [];
    }

    private async Task ChangeAsync(Guid id, uint rowVersion, string role, Action<SupportList, string> change, string action, CancellationToken ct,
        string details = "", Func<AppDbContext, SupportList, UserScope, CancellationToken, Task>? after = null)
    {
        var scope = current.RequireRole(role);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var list = await db.Set<SupportList>().Include(l => l.Entries).FirstOrDefaultAsync(l => l.Id == id, ct) ?? throw new ScopeException("Перечень не найден.");
        StaleEdits.RefuseIfStale(list.RowVersion, rowVersion, StaleMessage);
        db.Entry(list).Property(l => l.RowVersion).OriginalValue = rowVersion;
        change(list, scope.UserName);
        db.Entry(list).Property(l => l.ComputedAt).IsModified = true; // every change bumps the list's row version
        if (after is not null) await after(db, list, scope, ct);
        db.Record(scope, action, "support-list", list.Id, string.IsNullOrEmpty(details) ? $"Перечень {list.Year}, версия {list.Version}: {SupportList.StatusTitle(list.Status)}" : details, clock);
        await db.SaveOrRefuseStaleAsync(StaleMessage, ct);
    }

    private async Task NotifyAndSupersedeAsync(AppDbContext db, SupportList list, UserScope who, CancellationToken ct)
    {
        if (list.AmendsListId is { } amended)
        {
            var old = await db.Set<SupportList>().FirstAsync(l => l.Id == amended, ct);
            old.Supersede(who.UserName, clock.GetUtcNow());
        }
        var schools = list.Entries.Where(e => e.Included).Select(e => e.SchoolId).ToHashSet();
        var municipalities = await db.Schools.Where(s => schools.Contains(s.Id)).Select(s => s.MunicipalityId).Distinct().ToListAsync(ct);
        var users = await db.Users.Where(u => u.RegionId == list.RegionId && ((u.SchoolId != null && schools.Contains(u.SchoolId.Value))
                || (u.SchoolId == null && u.MunicipalityId != null && municipalities.Contains(u.MunicipalityId.Value))))
            .Select(u => new { u.Id, u.SchoolId }).ToListAsync(ct);
        foreach (var user in users)
        {
            db.Notifications.Add(new Notification
            {
                Id = Guid.NewGuid(), RegionId = list.RegionId, UserId = user.Id, CreatedAt = clock.GetUtcNow(),
                Title = $"Опубликован перечень ШНОР/ШНСУ на {list.Year}/{list.Year + 1} учебный год",
                Body = user.SchoolId is null ? "В перечень включены школы вашего муниципалитета." : "Ваша школа включена в перечень.",
                Link = $"/lists/{list.Id}",
            });
        }
    }
}
