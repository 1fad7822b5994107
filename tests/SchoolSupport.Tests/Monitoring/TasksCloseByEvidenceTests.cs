using System.Text;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Monitoring;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Monitoring;
using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Tests.Roadmaps;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Monitoring;

public sealed class TasksCloseByEvidenceTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Now);

    /// <summary>A school task of this year's calendar with the given output, due in ten days.</summary>
    private async Task<Guid> SchoolTaskAsync(Guid schoolId, Guid municipalityId, string output)
    {
        await using var db = portal.System();
        var year = await db.Set<MonitoringYear>().Include(y => y.Stages).ThenInclude(s => s.Templates).FirstOrDefaultAsync(y => y.RegionId == World.RegionA.Id);
        if (year is null)
        {
            year = DefaultCalendar.Create(World.RegionA.Id, 2060, DateTimeOffset.UtcNow);
            db.Add(year);
        }
        var template = year.Stages.SelectMany(s => s.Templates).First(t => t.OutputDocument == output);
        var task = new MonitoringTask
        {
            Id = Guid.NewGuid(), RegionId = World.RegionA.Id, StageId = template.StageId, TemplateId = template.Id, TargetId = schoolId, Actor = MonitoringActor.School,
            SchoolId = schoolId, MunicipalityId = municipalityId, Title = template.What, Due = Today.AddDays(10), OutputDocument = output, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Add(task);
        await db.SaveChangesAsync();
        return task.Id;
    }

    private async Task<MonitoringTask> TaskAsync(Guid id)
    {
        await using var db = portal.System();
        return await db.Set<MonitoringTask>().AsNoTracking().FirstAsync(t => t.Id == id);
    }

    [Fact]
    public async Task A_submitted_school_programme_closes_the_schools_programme_task_and_links_to_it_but_not_another_schools()
    {
        var own = await SchoolTaskAsync(World.SchoolA1.Id, World.A1.Id, TaskEvidence.SchoolProgramme);
        var other = await SchoolTaskAsync(World.SchoolA2.Id, World.A2.Id, TaskEvidence.SchoolProgramme);
        var id = await PlanWorkflowTests.DraftSchoolProgrammeAsync(portal);
        var team = World.Scope(Roles.School);
        await portal.Service<MovePlan>(team).MoveAsync(id, (await portal.Service<PlanQueries>(team).GetAsync(id))!.Plan.Version, PlanStatus.Submitted, null);

        var closed = await TaskAsync(own);
        closed.Status.Should().Be(MonitoringTaskStatus.Done);
        closed.CompletedBy.Should().Be(TaskEvidence.ClosedBy);
        closed.EvidenceLink.Should().Be($"/roadmaps/{id}");
        (await TaskAsync(other)).Status.Should().Be(MonitoringTaskStatus.Open, "another school's programme is its own evidence");

        var row = (await portal.Service<MonitoringTasks>(team).ListAsync(new TaskFilter(TaskId: own))).Should().ContainSingle().Subject;
        row.EvidenceLink.Should().Be($"/roadmaps/{id}");
        (await portal.Service<MonitoringTasks>(World.Scope(Roles.School, "b")).ListAsync(new TaskFilter(TaskId: own))).Should().BeEmpty();
    }

    [Fact]
    public async Task An_uploaded_quality_order_closes_the_february_task_and_a_task_completed_by_hand_keeps_its_note()
    {
        var order = await SchoolTaskAsync(World.SchoolA1Second.Id, World.A1.Id, TaskEvidence.QualityOrder);
        var manual = await SchoolTaskAsync(World.SchoolA1.Id, World.A1.Id, TaskEvidence.QualityOrder);
        await portal.Service<MonitoringTasks>(World.Scope(Roles.School)).CompleteAsync(manual, "Приказ № 12 от 10.02, размещён на сайте");

        var municipal = portal.Service<DocumentLibrary>(World.Scope(Roles.Municipal));
        await municipal.UploadAsync(new DocumentUpload(World.A1.Id, World.SchoolA1Second.Id, DocumentKind.InternalQualityOrder, "Приказ о ВСОКО",
            "order.pdf", new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.7\norder\n%%EOF\n"))));
        await municipal.UploadAsync(new DocumentUpload(World.A1.Id, World.SchoolA1.Id, DocumentKind.InternalQualityOrder, "Приказ о ВСОКО",
            "order.pdf", new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.7\norder 2\n%%EOF\n"))));

        var closed = await TaskAsync(order);
        closed.Status.Should().Be(MonitoringTaskStatus.Done);
        closed.EvidenceLink.Should().Be($"/documents?school={World.SchoolA1Second.Id}");
        var kept = await TaskAsync(manual);
        kept.Note.Should().Be("Приказ № 12 от 10.02, размещён на сайте");
        kept.EvidenceLink.Should().BeEmpty("the manual completion stays as it was");
    }

    [Fact]
    public void A_done_task_is_not_closed_again_by_evidence()
    {
        var task = new MonitoringTask { Status = MonitoringTaskStatus.Open };
        task.CloseByEvidence("План направлен", "/roadmaps/1", DateTimeOffset.UtcNow).Should().BeTrue();
        task.CloseByEvidence("Документ загружен", "/documents", DateTimeOffset.UtcNow).Should().BeFalse();
        task.EvidenceLink.Should().Be("/roadmaps/1");
        var complete = () => task.Complete("Школа", "вручную", DateTimeOffset.UtcNow);
        complete.Should().Throw<DomainException>();
    }
}
