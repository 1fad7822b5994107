using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Domain.Risks;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Access;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Identification;
using SchoolSupport.Infrastructure.Identity;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Mentoring;
using SchoolSupport.Infrastructure.Monitoring;
using SchoolSupport.Infrastructure.Risks;
using SchoolSupport.Infrastructure.Roadmaps;

namespace SchoolSupport.Infrastructure.DemoData;

public sealed record DemoLogin(string Email, string Role, string Scope);

/// <summary>Seeds roles always, and on request a demo region with one user per role. Idempotent: a second run adds nothing.</summary>
public sealed class DemoSeeder(SystemDb systemDb, UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles, TimeProvider clock,
    RunIdentification identification, MonitoringJob monitoring, DocumentLibrary library, ILogger<DemoSeeder> log,
    ILogger<RunIdentification> identificationLog)
{
    public const string DemoRegionCode = "DEMO";
    public const string DemoPassword = "Demo-2026!";
    public const string DemoOrderNumber = "1468";
    public const string PreviousOrderNumber = "1392";

    /// <summary>Years of demo results: the three the methodology looks at for the current list, and one more for the previous cycle's list.</summary>
    public const int DemoYears = 4;
    private const string Seeding = "демонстрационные данные";

    /// <summary>
    /// The last year whose results are known on a day: results of year Y are those of spring Y, loaded over the summer, and the
    /// list for the school year Y/Y+1 is computed from them on 1 September. So it is the year of the last 1 September,
    /// the same as the monitoring year.
    /// </summary>
    public static int LastResultYear(DateOnly today) => MonitoringYear.YearOf(today);

    public int LastResultYear() => LastResultYear(Today);

    private DateOnly Today => clock.Today();

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.Everyone)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole<Guid>(role));
        }
    }

    /// <summary>
    /// The demo region with four years of results up to <paramref name="lastYear"/>, one user per role, the list of the previous
    /// cycle published a year ago, and the work of the current cycle: the list for <paramref name="lastYear"/> published,
    /// mentors, a programme under way and the monitoring started.
    /// </summary>
    public async Task<IReadOnlyList<DemoLogin>> SeedDemoAsync(int lastYear, bool nationalScale = false, CancellationToken ct = default)
    {
        await EnsureRolesAsync();
        await using var db = systemDb.Create();
        if (nationalScale && !await db.Regions.AnyAsync(r => r.Code == "R01", ct))
        {
            foreach (var generated in DemoDataGenerator.National(lastYear))
            {
                await using var regionDb = systemDb.Create();
                await DemoDataWriter.WriteAsync(regionDb, generated, ct);
            }
            log.LogInformation("National demo seeded: {Regions} regions", DemoDataGenerator.NationalRegions);
        }
        if (!await db.Regions.AnyAsync(r => r.Code == DemoRegionCode, ct))
        {
            var demo = new DemoDataGenerator(seed: 2026).Generate(DemoRegionCode, "Демонстрационная область", municipalities: 40, schools: 600, lastYear,
                years: DemoYears);
            await DemoDataWriter.WriteAsync(db, demo, ct);
            log.LogInformation("Demo region seeded: {Schools} schools, {Results} result rows, years {From}–{To}", demo.Schools.Count, demo.Results.Count,
                lastYear - DemoYears + 1, lastYear);
        }

        var region = await db.Regions.SingleAsync(r => r.Code == DemoRegionCode, ct);
        // The demo region runs the Saratov model, identification on 1 September.
        if (!await db.Set<RegionCalendar>().AnyAsync(c => c.RegionId == region.Id, ct))
        {
            db.Add(RegionCalendar.For(region.Id, CalendarTemplate.Saratov, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }
        if (!await db.Results.AnyAsync(r => r.RegionId == region.Id && r.Year == lastYear, ct))
        {
            log.LogWarning("The demo region has no results of {Year}: it was seeded in an earlier year. Delete the data folder for a fresh demo", lastYear);
        }
        var logins = new List<DemoLogin>
        {
            await EnsureUserAsync("admin@demo.local", "Администратор Демо", Roles.Admin, region.Id, null, null),
            await EnsureUserAsync("ministry@demo.local", "Иванова Мария Петровна", Roles.Ministry, region.Id, null, null),
            await EnsureUserAsync("operator@demo.local", "Петров Олег Николаевич", Roles.Operator, region.Id, null, null),
        };
        var operatorUser = await ActAsync("operator@demo.local");
        var ministryUser = await ActAsync("ministry@demo.local");
        // The previous cycle's list comes first, as it did a year ago: the current computation reads it (schools in their second
        // year, schools that left) and the reduction of the list is counted against it. A demo whose current list was made
        // without it (by an earlier version of the seeder) is left as it is.
        if (!await AnyListAsync(region.Id, lastYear, ct) || await AnyListAsync(region.Id, lastYear - 1, ct))
        {
            await PublishListAsync(region.Id, lastYear - 1, PreviousOrderNumber, inItsSeptember: true, operatorUser, ministryUser, ct);
        }
        // The list is computed first so that the demo coordinator and school are chosen among listed schools and hear of its publication.
        var listed = await ListedSchoolsAsync(await ComputedListAsync(region.Id, lastYear, ct), ct);
        var chosen = await DemoMunicipalityAsync(region.Id, listed, ct);
        var schoolId = listed.Where(s => s.MunicipalityId == chosen).Select(s => s.SchoolId).FirstOrDefault();
        if (schoolId == Guid.Empty)
        {
            schoolId = await db.Schools.Where(s => s.MunicipalityId == chosen).OrderBy(s => s.Code).Select(s => s.Id).FirstAsync(ct);
        }
        logins.Add(await EnsureUserAsync("municipal@demo.local", "Сидорова Анна Викторовна", Roles.Municipal, region.Id, chosen, null));
        logins.Add(await EnsureUserAsync("school@demo.local", "Кузнецов Игорь Сергеевич", Roles.School, region.Id, chosen, schoolId));
        logins.Add(await EnsureUserAsync("mentor@demo.local", "Смирнова Елена Андреевна", Roles.Mentor, region.Id, null, null));

        var published = await PublishListAsync(region.Id, lastYear, DemoOrderNumber, inItsSeptember: false, operatorUser, ministryUser, ct);
        // Users of an earlier start keep their municipality: the work below follows the coordinator's.
        var municipalityId = (await ActAsync("municipal@demo.local")).MunicipalityId ?? chosen;
        var listedThere = (published is { } publishedId ? await ListedSchoolsAsync(publishedId, ct) : listed)
            .Where(s => s.MunicipalityId == municipalityId).Select(s => s.SchoolId).ToList();
        await SeedWorkAsync(region.Id, municipalityId, listedThere, lastYear, ct);
        return logins;
    }

    /// <summary>
    /// The list of the year as the real workflow leaves it: computed, reviewed and submitted by the demo operator, approved by the
    /// demo ministry user with an order and published, each step with its history and audit entry. Steps already taken are
    /// skipped, so a second start (or one after an interrupted start) adds nothing. Returns the published list.
    /// </summary>
    /// <param name="inItsSeptember">
    /// A past cycle's list: each step is taken on its day of that September (computed on the 1st, approved by the order of the
    /// 15th, published on the 16th), so that its history, audit and the identification run read as they did then.
    /// </param>
    private async Task<Guid?> PublishListAsync(Guid regionId, int year, string orderNumber, bool inItsSeptember, UserScope operatorUser,
        UserScope ministryUser, CancellationToken ct)
    {
        TimeProvider On(int day) => inItsSeptember ? new DayClock(new DateTimeOffset(year, 9, day, 7, 0, 0, TimeSpan.Zero)) : clock;
        T As<T>(UserScope user, int day, Func<IDbContextFactory<AppDbContext>, ICurrentScope, TimeProvider, T> useCase) =>
            useCase(systemDb.For(new FixedScope(user)), new FixedScope(user), On(day));
        // The order follows the September identification; on a demo started in early September it is dated today.
        var orderDate = inItsSeptember || new DateOnly(year, 9, 15) < Today ? new DateOnly(year, 9, 15) : Today;
        for (var step = 0; step < 6; step++)
        {
            await using var db = systemDb.Create();
            var lists = await db.Set<SupportList>().AsNoTracking().Where(l => l.RegionId == regionId && l.Year == year)
                .OrderByDescending(l => l.Version).ToListAsync(ct);
            // Once published, the list is the users' own: an amendment in preparation is never pushed along.
            if (lists.FirstOrDefault(l => l.Status == ListStatus.Published) is { } done) return done.Id;
            var list = lists.FirstOrDefault();
            switch (list?.Status)
            {
                case null:
                    await (inItsSeptember ? new RunIdentification(systemDb, On(1), identificationLog) : IdentificationOf(year)).RunAsync(regionId, year, Seeding, null, ct);
                    break;
                case ListStatus.Draft or ListStatus.Returned:
                    await As(operatorUser, 8, (d, u, c) => new StartListReview(d, u, c)).StartReviewAsync(list.Id, list.RowVersion, ct);
                    break;
                case ListStatus.UnderReview:
                    await DecideSecondYearFormatsAsync(list.Id, As(operatorUser, 9, (d, u, c) => new DecideSupportFormat(d, u, c)), ct);
                    list = await db.Set<SupportList>().AsNoTracking().FirstAsync(l => l.Id == list.Id, ct);
                    await As(operatorUser, 10, (d, u, c) => new SubmitList(d, u, c, Notices.InAppOnly(c))).SubmitAsync(list.Id, list.RowVersion, ct);
                    break;
                case ListStatus.Submitted:
                    await As(ministryUser, 15, (d, u, c) => new ApproveList(d, u, c, Notices.InAppOnly(c))).ApproveAsync(list.Id, list.RowVersion, orderNumber, orderDate, ct);
                    break;
                case ListStatus.Approved:
                    await As(ministryUser, 16, (d, u, c) => new PublishList(d, u, c)).PublishAsync(list.Id, list.RowVersion, ct);
                    log.LogInformation("Demo list {Year}/{Next} published: {Schools} schools", year, year + 1,
                        await db.Set<SupportListEntry>().CountAsync(e => e.ListId == list.Id && e.Included, ct));
                    break;
                default:
                    log.LogWarning("The demo list {Year} is {Status}: not published by the seeder", year, list.Status);
                    return null;
            }
        }
        log.LogWarning("The demo list {Year} was not published", year);
        return null;
    }

    /// <summary>
    /// The demo operator records the change of support format for every school listed the second year running, as the list
    /// demands before it is submitted: the formats take turns so the demo shows each of them.
    /// </summary>
    private async Task DecideSecondYearFormatsAsync(Guid listId, DecideSupportFormat decide, CancellationToken ct)
    {
        await using var db = systemDb.Create();
        var schools = await db.Set<SupportListEntry>().AsNoTracking()
            .Where(e => e.ListId == listId && e.Included && e.SecondConsecutiveYear && e.NewFormat == null).OrderBy(e => e.SchoolId).Select(e => e.SchoolId).ToListAsync(ct);
        for (var i = 0; i < schools.Count; i++)
        {
            var version = await db.Set<SupportList>().AsNoTracking().Where(l => l.Id == listId).Select(l => l.RowVersion).FirstAsync(ct);
            var format = SupportFormats.All[i % SupportFormats.All.Count];
            await decide.DecideAsync(listId, version, schools[i], format, "Петрова Ольга Николаевна",
                "Результаты за первый год поддержки не улучшились: прежний формат сменён по решению регионального оператора.", ct);
        }
    }

    /// <summary>
    /// The identification of the year as it ran on its 1 September, so that the list is computed before the order of the 15th that
    /// approves it; on a demo started on 1 September itself it runs now.
    /// </summary>
    private RunIdentification IdentificationOf(int year)
    {
        var firstOfSeptember = new DateOnly(year, 9, 1);
        return firstOfSeptember < Today ? new RunIdentification(systemDb, new DayClock(new DateTimeOffset(year, 9, 1, 2, 0, 0, TimeSpan.Zero)), identificationLog) : identification;
    }

    private async Task<bool> AnyListAsync(Guid regionId, int year, CancellationToken ct)
    {
        await using var db = systemDb.Create();
        return await db.Set<SupportList>().AnyAsync(l => l.RegionId == regionId && l.Year == year, ct);
    }

    /// <summary>The list of the year to show: the published one, else the latest version; computed by the identification when there is none.</summary>
    private async Task<Guid> ComputedListAsync(Guid regionId, int year, CancellationToken ct)
    {
        await using var db = systemDb.Create();
        var lists = db.Set<SupportList>().Where(l => l.RegionId == regionId && l.Year == year);
        if (!await lists.AnyAsync(ct)) await IdentificationOf(year).RunAsync(regionId, year, Seeding, null, ct);
        return await lists.OrderByDescending(l => l.Status == ListStatus.Published).ThenByDescending(l => l.Version).Select(l => l.Id).FirstAsync(ct);
    }

    private async Task<IReadOnlyList<(Guid SchoolId, Guid MunicipalityId)>> ListedSchoolsAsync(Guid listId, CancellationToken ct)
    {
        await using var db = systemDb.Create();
        var rows = await db.Set<SupportListEntry>().Where(e => e.ListId == listId && e.Included)
            .Join(db.Schools, e => e.SchoolId, s => s.Id, (e, s) => new { s.Id, s.Code, s.MunicipalityId })
            .OrderBy(s => s.Code).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.MunicipalityId)).ToList();
    }

    /// <summary>
    /// The demo coordinator's municipality: the district (not the regional centre) with the most listed schools, so that the
    /// coordinator's, the school's and the mentor's pages have listed schools to show.
    /// </summary>
    private async Task<Guid> DemoMunicipalityAsync(Guid regionId, IReadOnlyList<(Guid SchoolId, Guid MunicipalityId)> listed, CancellationToken ct)
    {
        await using var db = systemDb.Create();
        var districts = (await db.Municipalities.Where(m => m.RegionId == regionId).OrderBy(m => m.Code).Select(m => m.Id).ToListAsync(ct)).Skip(1).ToList();
        return districts.OrderByDescending(m => listed.Count(s => s.MunicipalityId == m)).ThenBy(districts.IndexOf).First();
    }

    /// <summary>
    /// Something to look at on the first visit, each part done once through the services as the demo users would: the mentor
    /// assigned to listed schools of the demo municipality with one consultation logged, the demo school's programme approved
    /// and under way, the municipal roadmap approved, and the monitoring of the year started (calendar, stages, tasks).
    /// </summary>
    private async Task SeedWorkAsync(Guid regionId, Guid municipalityId, IReadOnlyList<Guid> listedThere, int year, CancellationToken ct)
    {
        var operatorUser = await ActAsync("operator@demo.local");
        var municipal = await ActAsync("municipal@demo.local");
        var school = await ActAsync("school@demo.local");
        var mentor = await ActAsync("mentor@demo.local");
        var today = Today;
        await using var db = systemDb.Create();

        if (!await db.MentorAssignments.AnyAsync(a => a.MentorId == mentor.UserId, ct))
        {
            // The demo school first: the mentor's consultation is logged there.
            var schools = listedThere.Prepend(school.SchoolId!.Value).Distinct().ToList();
            if (schools.Count < 3)
            {
                schools.AddRange(await db.Schools.Where(s => s.MunicipalityId == municipalityId && !schools.Contains(s.Id))
                    .OrderBy(s => s.Code).Select(s => s.Id).Take(3 - schools.Count).ToListAsync(ct));
            }
            var assignments = new MentorAssignments(systemDb.For(new FixedScope(operatorUser)), new FixedScope(operatorUser), clock);
            foreach (var id in schools.Take(3))
            {
                await assignments.AssignAsync(new AssignmentEdit
                {
                    MentorId = mentor.UserId, SchoolId = id, Kind = MentorKind.Mentor, From = today.AddMonths(-2), To = today.AddMonths(10),
                    Responsibilities = "Сопровождение программы перехода в эффективный режим",
                }, ct);
            }
            var journal = new RecordConsultation(systemDb.For(new FixedScope(mentor)), new FixedScope(mentor), library, clock);
            await journal.SaveAsync(new ConsultationEdit
            {
                SchoolId = school.SchoolId, Date = today.AddDays(-6), Format = ConsultationFormat.InPerson,
                Topic = "Анализ результатов ВПР и ОГЭ прошлого учебного года", DurationMinutes = 90, ParticipantsCount = 5,
                ParticipantRoles = "директор, заместитель по УВР, руководители методических объединений",
                Outcome = "Выделены темы с наибольшей долей невыполнения; согласованы мероприятия программы перехода по разделу о качестве преподавания.",
                Steps = [new StepEdit { Text = "Провести входную диагностику по математике в 5–6 классах", Deadline = today.AddDays(21) }],
            }, ct: ct);
        }

        // The daily job opens the stages and hands out the tasks; on the demo's first start it runs at once instead of at 05:00, for
        // every region: with the national demo its 85 regions too (tasks for 45,000 unlisted schools, about 15 s on two cores, the
        // benchmark's monitoring row), each in its own transaction, so that a region that fails does not stop the start. It runs before
        // the programme and the roadmap are submitted, so that their tasks close by that evidence as they would in real life.
        if (!await db.Set<MonitoringYear>().AnyAsync(y => y.RegionId == regionId && y.Year == MonitoringYear.YearOf(today), ct))
        {
            // The demo region has run since September: its stages opened and closed on their dates whatever day the demo starts.
            await monitoring.CatchUpRegionAsync(regionId, ct);
            await monitoring.RunAsync(ct);
        }

        if (!await db.Plans.AnyAsync(p => p.SchoolId == school.SchoolId, ct))
        {
            await ProgrammeAsync(school, municipal, year, today, ct);
        }
        if (!await db.Plans.AnyAsync(p => p.Level == PlanLevel.Municipality && p.MunicipalityId == municipalityId, ct))
        {
            await RoadmapAsync(municipal, operatorUser, year, today, ct);
        }
        if (!await db.RiskProfiles.AnyAsync(p => p.SchoolId == school.SchoolId, ct))
        {
            await SeedRiskProfileAsync(systemDb, clock, school, ct);
        }

        // Partnerships, practices, the course catalogue and the school's feedback; the calendar's preventive task for the schools
        // on watch, handed out at once by the region's run.
        await using (var content = systemDb.Create())
        {
            await DemoContent.SeedAsync(content, regionId, municipalityId, listedThere, school, today, clock.GetUtcNow(), ct);
            if (await DemoContent.PreventiveTemplateAsync(content, regionId, today, ct)) await monitoring.RunRegionAsync(regionId, ct);
        }

    }

    /// <summary>The school team drafts its programme (one activity per section), the coordinator approves it, the team starts it and reports one activity done.</summary>
    private async Task ProgrammeAsync(UserScope school, UserScope municipal, int year, DateOnly today, CancellationToken ct)
    {
        var team = new FixedScope(school);
        var coordinator = new FixedScope(municipal);
        var teamItems = new SavePlanItem(systemDb.For(team), team, clock);
        var teamMoves = new MovePlan(systemDb.For(team), team, clock, Notices.InAppOnly(clock));
        var coordinatorMoves = new MovePlan(systemDb.For(coordinator), coordinator, clock, Notices.InAppOnly(clock));
        var id = await new CreatePlan(systemDb.For(team), team, clock).CreateAsync(new PlanHeaderEdit
        {
            Kind = PlanKind.TransitionProgramme, Title = $"Программа перехода в эффективный режим функционирования на {year}–{year + 2} гг.",
            PeriodFrom = new DateOnly(year, 10, 1), PeriodTo = new DateOnly(year + 2, 8, 31),
            Goals = "Снижение доли обучающихся, не достигших минимального балла по русскому языку и математике; повышение качества преподавания.",
        }, ct);
        var sections = await new PlanSections(systemDb.For(team), team, clock).ListAsync(ct);
        var items = new List<PlanItemEdit>();
        foreach (var (section, i) in sections.Select((s, i) => (s, i)))
        {
            var item = new PlanItemEdit
            {
                PlanId = id, SectionId = section.Id, Activity = Activities[i % Activities.Length], Deadline = today.AddDays(-20 + 30 * i),
                Responsible = i % 2 == 0 ? "Заместитель директора по УВР" : "Директор", Participants = "Педагогический коллектив",
                Indicator = "Доля выполненных мероприятий раздела", Target = "100 %",
            };
            await teamItems.SaveItemAsync(item, ct);
            items.Add(item);
        }
        var version = (await new PlanQueries(systemDb.For(team), team, SharedReads.None).GetAsync(id, ct))!.Plan.Version;
        version = await teamMoves.MoveAsync(id, version, PlanStatus.Submitted, null, ct);
        version = await coordinatorMoves.MoveAsync(id, version, PlanStatus.UnderReview, null, ct);
        version = await coordinatorMoves.MoveAsync(id, version, PlanStatus.Approved, "Программа согласована.", ct);
        await teamMoves.MoveAsync(id, version, PlanStatus.InProgress, null, ct);
        var first = items[0];
        first.Status = PlanItemStatus.Done;
        first.Actual = "Проведено";
        await teamItems.SaveItemAsync(first, ct);
    }

    /// <summary>Risk shares of the demo school's answers per factor (in the default order); last year's were somewhat higher.</summary>
    private static readonly decimal[] DemoRisks = [72, 35, 58, 25, 12, 64, 41, 80, 30, 55];

    /// <summary>
    /// The demo school's risk profile for last year and this one, filled as the team would, and this year's three highest
    /// risks chosen as key risks, each with its anti-risk programme in draft.
    /// </summary>
    internal static async Task SeedRiskProfileAsync(SystemDb systemDb, TimeProvider clock, UserScope school, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var scope = new FixedScope(school);
        var setup = new ConfigureRiskFactors(systemDb.For(scope), scope, clock);
        var fill = new FillRiskProfile(systemDb.For(scope), scope, clock);
        var current = RiskCalendar.SchoolYearOf(today);
        uint version = 0;
        foreach (var (year, extra) in new[] { (current - 1, 8m), (current, 0m) })
        {
            var factors = await setup.FactorsAsync(year, ct);
            var shares = factors.SelectMany((f, i) => f.Questions.Select(q => (q, Risk: Math.Min(100, DemoRisks[i % DemoRisks.Length] + extra))))
                .ToDictionary(x => x.q.Id, x => x.q.RiskWhenHigh ? x.Risk : 100 - x.Risk);
            version = await fill.SaveAsync(year, shares, 0, ct);
            if (year != current) continue;
            var key = factors.Select((f, i) => (f.Id, Risk: DemoRisks[i % DemoRisks.Length])).OrderByDescending(x => x.Risk).Take(3).Select(x => x.Id).ToList();
            await new ChooseKeyRisks(systemDb.For(scope), scope, clock).ChooseAsync(current, key, version, ct);
        }
    }

    /// <summary>The coordinator drafts the municipal roadmap and the operator approves it.</summary>
    private async Task RoadmapAsync(UserScope municipal, UserScope operatorUser, int year, DateOnly today, CancellationToken ct)
    {
        var coordinator = new FixedScope(municipal);
        var reviewer = new FixedScope(operatorUser);
        var coordinatorItems = new SavePlanItem(systemDb.For(coordinator), coordinator, clock);
        var coordinatorMoves = new MovePlan(systemDb.For(coordinator), coordinator, clock, Notices.InAppOnly(clock));
        var reviewerMoves = new MovePlan(systemDb.For(reviewer), reviewer, clock, Notices.InAppOnly(clock));
        var id = await new CreatePlan(systemDb.For(coordinator), coordinator, clock).CreateAsync(new PlanHeaderEdit
        {
            Kind = PlanKind.Roadmap, Title = $"Муниципальная дорожная карта поддержки школ с низкими образовательными результатами на {year}/{year + 1} учебный год",
            PeriodFrom = new DateOnly(year, 9, 1), PeriodTo = new DateOnly(year + 1, 8, 31),
            Goals = "Сопровождение школ перечня: наставничество, сетевое партнёрство со школами-лидерами, мониторинг программ перехода.",
        }, ct);
        await coordinatorItems.SaveItemAsync(new PlanItemEdit
        {
            PlanId = id, Activity = "Закрепить наставников за школами перечня", Deadline = new DateOnly(year, 10, 15),
            Responsible = "Муниципальный методический кабинет", Indicator = "Доля школ перечня с наставником", Target = "100 %",
        }, ct);
        await coordinatorItems.SaveItemAsync(new PlanItemEdit
        {
            PlanId = id, Activity = "Заключить соглашения о сетевом партнёрстве со школами-лидерами", Deadline = today.AddMonths(2),
            Responsible = "Управление образования", Indicator = "Соглашений о партнёрстве", Target = "не менее 5",
        }, ct);
        var version = (await new PlanQueries(systemDb.For(coordinator), coordinator, SharedReads.None).GetAsync(id, ct))!.Plan.Version;
        version = await coordinatorMoves.MoveAsync(id, version, PlanStatus.Submitted, null, ct);
        version = await reviewerMoves.MoveAsync(id, version, PlanStatus.UnderReview, null, ct);
        await reviewerMoves.MoveAsync(id, version, PlanStatus.Approved, null, ct);
    }

    private static readonly string[] Activities =
    [
        "Входная диагностика по русскому языку и математике в 5–9 классах",
        "Взаимопосещение уроков с педагогами школы-лидера",
        "Внедрение внутришкольной системы оценки качества (ВСОКО) и графика контрольных работ",
        "Обучение управленческой команды на курсах ИРО",
        "Индивидуальные образовательные маршруты для обучающихся группы риска",
        "Родительские собрания по результатам диагностики",
        "Корректировка рабочих программ по итогам анализа ВПР",
        "Участие в сетевом методическом объединении муниципалитета",
    ];

    /// <summary>A clock stopped on one moment of a past cycle, for the services that take that cycle's steps.</summary>
    private sealed class DayClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }

    /// <summary>The scope a demo user's sign-in would give: the services check roles and scope as for a page.</summary>
    private async Task<UserScope> ActAsync(string email)
    {
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"Demo user {email} is missing.");
        return new UserScope(user.Id, user.FullName, user.RegionId, user.MunicipalityId, user.SchoolId,
            (await users.GetRolesAsync(user)).ToHashSet(StringComparer.Ordinal));
    }

    public async Task<Guid> UserIdAsync(string email) => (await users.FindByEmailAsync(email))?.Id ?? Guid.Empty;

    public async Task<DemoLogin> EnsureUserAsync(string email, string fullName, string role, Guid regionId, Guid? municipalityId, Guid? schoolId,
        string password = DemoPassword)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser
            {
                Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, FullName = fullName,
                RegionId = regionId, MunicipalityId = municipalityId, SchoolId = schoolId, CreatedAt = clock.GetUtcNow(),
                LockoutEnabled = true,
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        }
        return new DemoLogin(email, role, municipalityId is null ? "регион" : schoolId is null ? "муниципалитет" : "школа");
    }
}
