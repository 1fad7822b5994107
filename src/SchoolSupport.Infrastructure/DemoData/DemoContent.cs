using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Development;
using SchoolSupport.Domain.Identification;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Domain.Partnerships;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Infrastructure.DemoData;

/// <summary>
/// The demo's content beyond the workflow the seeder walks through: partnerships in several states (with agreements), best
/// practices published and in review, the PD course catalogue with applications, the school's feedback on the consultation,
/// and the preventive task of the calendar for the schools on watch. Each part is written once (a second start adds nothing).
/// </summary>
internal static class DemoContent
{
    public const string PreventiveTask = "Провести самодиагностику и согласовать с муниципалитетом меры превентивной поддержки";

    public static async Task SeedAsync(AppDbContext db, Guid regionId, Guid municipalityId, IReadOnlyList<Guid> listedThere, UserScope school,
        DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var schoolId = school.SchoolId!.Value;
        // The partners: the demo municipality's schools that are not listed, leaders first.
        var partners = await db.Schools.Where(s => s.MunicipalityId == municipalityId && !listedThere.Contains(s.Id) && s.Id != schoolId)
            .OrderBy(s => s.Code).Select(s => s.Id).Take(3).ToListAsync(ct);
        var members = listedThere.Prepend(schoolId).Distinct().ToList();

        if (partners.Count > 0 && !await db.Partnerships.AnyAsync(p => p.RegionId == regionId, ct))
        {
            Partnership New(int i, string title, string number, int monthsAgo)
            {
                var p = new Partnership
                {
                    Id = Guid.NewGuid(), RegionId = regionId, LeaderSchoolId = partners[i % partners.Count], LeaderRole = i == 1 ? PartnerRole.ConsultingCentre : PartnerRole.LeaderSchool,
                    Model = NetworkModel.Horizontal, Title = title, ValidFrom = today.AddMonths(-monthsAgo), ValidTo = today.AddMonths(12 - monthsAgo),
                    SupportTypes = SupportTypes.Methodological | SupportTypes.Consulting, CreatedAt = now,
                };
                p.SetAgreement(number, number.Length == 0 ? null : today.AddMonths(-monthsAgo));
                foreach (var member in members.Skip(i).Take(2).DefaultIfEmpty(schoolId))
                    p.Schools.Add(new PartnershipSchool { Id = Guid.NewGuid(), RegionId = regionId, PartnershipId = p.Id, SchoolId = member });
                return p;
            }
            var active = New(0, "Сетевое партнёрство по повышению качества преподавания математики", "12-с", 3);
            active.MoveTo(PartnershipStatus.Signed);
            active.MoveTo(PartnershipStatus.Active);
            active.AddActivity("Взаимопосещение уроков математики", today.AddMonths(1), "Руководитель методического объединения");
            var signed = New(1, "Консультационное сопровождение управленческой команды", "17-с", 1);
            signed.MoveTo(PartnershipStatus.Signed);
            var proposed = New(2, "Совместная подготовка к ОГЭ по русскому языку", "", 0);
            db.Partnerships.AddRange(active, signed, proposed);
        }

        if (!await db.PracticeCards.AnyAsync(p => p.RegionId == regionId, ct))
        {
            var published = new PracticeCard
            {
                Id = Guid.NewGuid(), RegionId = regionId, SchoolId = partners.FirstOrDefault(schoolId), Title = "Формирующее оценивание на уроках математики в 5–6 классах",
                Description = "Система коротких диагностических работ и листов самооценки; доля отметок «2» по ВПР снизилась вдвое за два года.",
            };
            published.Submit(now.AddDays(-40));
            published.Review(true, null, "Петров Олег Николаевич", now.AddDays(-30));
            var inReview = new PracticeCard
            {
                Id = Guid.NewGuid(), RegionId = regionId, SchoolId = schoolId, Title = "Индивидуальные образовательные маршруты для обучающихся группы риска",
                Description = "Маршруты составляются по итогам входной диагностики и пересматриваются раз в четверть на педагогическом совете.",
            };
            inReview.Submit(now.AddDays(-3));
            db.PracticeCards.AddRange(published, inReview);
        }

        if (!await db.PdEvents.AnyAsync(e => e.RegionId == regionId, ct))
        {
            PdEvent Event(EventKind kind, string title, int startsInDays, int hours, EventFormat format, Competences develops) => new()
            {
                Id = Guid.NewGuid(), RegionId = regionId, Kind = kind, Title = title, Organiser = "Институт развития образования", StartsOn = today.AddDays(startsInDays),
                EndsOn = today.AddDays(startsInDays + (kind == EventKind.Course ? 14 : 0)), Hours = hours, Audience = "Учителя и управленческие команды школ перечня",
                Format = format, Develops = develops,
            };
            var course = Event(EventKind.Course, "Современные способы оценивания образовательных результатов", 20, 36, EventFormat.Blended, Competences.Assessment);
            var webinar = Event(EventKind.Webinar, "Индивидуальный образовательный маршрут: от диагностики к плану", 7, 2, EventFormat.Remote, Competences.IndividualRoutes);
            var seminar = Event(EventKind.Seminar, "Развитие универсальных учебных действий на уроке", 35, 6, EventFormat.InPerson, Competences.LearningSkills);
            db.PdEvents.AddRange(course, webinar, seminar);
            foreach (var (e, applicant, people) in new[] { (course, schoolId, 4), (webinar, schoolId, 7), (course, members.Last(), 3) })
            {
                db.PdApplications.Add(new PdApplication
                {
                    Id = Guid.NewGuid(), RegionId = regionId, EventId = e.Id, SchoolId = applicant, Participants = people, Note = "Педагоги с выявленными дефицитами",
                    AppliedAt = now.AddDays(-2), AppliedByName = school.UserName,
                });
            }
        }

        if (!await db.ConsultationFeedback.AnyAsync(f => f.SchoolId == schoolId, ct)
            && await db.Consultations.Where(c => c.SchoolId == schoolId).OrderBy(c => c.Date).FirstOrDefaultAsync(ct) is { } consultation)
        {
            db.ConsultationFeedback.Add(new ConsultationFeedback
            {
                Id = Guid.NewGuid(), RegionId = regionId, ConsultationId = consultation.Id, SchoolId = schoolId, UserId = school.UserId, UserName = school.UserName,
                Rating = 5, Comment = "Разобрали типичные ошибки ВПР по нашим классам; план диагностики уже в работе.", At = now.AddDays(-5),
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The calendar's preventive task for the schools on watch: added to the stage open today (the latest closing one), due in
    /// a month or at the stage's end. Nothing when no stage is open or the task is there already.
    /// </summary>
    public static async Task<bool> PreventiveTemplateAsync(AppDbContext db, Guid regionId, DateOnly today, CancellationToken ct)
    {
        var year = await db.Set<MonitoringYear>().Include(y => y.Stages).ThenInclude(s => s.Templates)
            .FirstOrDefaultAsync(y => y.RegionId == regionId && y.Year == MonitoringYear.YearOf(today), ct);
        if (year is null || year.Stages.SelectMany(s => s.Templates).Any(t => t.Actor == MonitoringActor.WatchSchool)) return false;
        var stage = year.Stages.Where(s => s.Opens <= today && today <= s.Closes).OrderByDescending(s => s.Closes).FirstOrDefault();
        if (stage is null) return false;
        var due = today.AddDays(30) < stage.Closes ? today.AddDays(30) : stage.Closes;
        var template = year.AddTemplate(stage, MonitoringActor.WatchSchool, PreventiveTask, due, "Справка о самодиагностике");
        db.Add(template);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
