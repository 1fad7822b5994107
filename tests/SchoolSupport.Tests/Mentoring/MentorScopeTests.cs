using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Domain.Results;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Mentoring;
using SchoolSupport.Infrastructure.Results;
using SchoolSupport.Infrastructure.Schools;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Mentoring;

public sealed class MentorScopeTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    internal static AssignmentEdit Assignment(Guid mentorId, Guid schoolId, int fromDays = -10, int toDays = 180) => new()
    {
        MentorId = mentorId, SchoolId = schoolId, From = Today.AddDays(fromDays), To = Today.AddDays(toDays),
        Responsibilities = "Управление и лидерство; самооценка и мониторинг",
    };

    [Fact]
    public async Task A_mentor_without_assignment_sees_no_schools()
    {
        var mentor = await ExtraUsers.AddAsync(portal, Roles.Mentor);
        var (rows, total) = await portal.Service<SchoolRegistry>(mentor).SearchAsync(new SchoolQuery());
        total.Should().Be(0);
        rows.Should().BeEmpty();
        (await portal.Service<SchoolRegistry>(mentor).CardAsync(World.SchoolA1.Id)).Should().BeNull();
        (await portal.Service<HomeDashboard>(mentor).LoadAsync()).Schools.Should().Be(0);
    }

    [Fact]
    public async Task A_mentor_with_one_assignment_sees_exactly_that_school_and_its_results()
    {
        var mentor = await ExtraUsers.AddAsync(portal, Roles.Mentor);
        await using (var db = portal.System())
        {
            db.Results.AddRange(
                new AssessmentResult { RegionId = World.RegionA.Id, SchoolId = World.SchoolA2.Id, Year = 2025, Kind = AssessmentKind.Oge, Grade = 9, Subject = Subject.Russian, Participants = 30, MeanScore = 25, BelowMinimumShare = 3 },
                new AssessmentResult { RegionId = World.RegionA.Id, SchoolId = World.SchoolA1Second.Id, Year = 2025, Kind = AssessmentKind.Oge, Grade = 9, Subject = Subject.Russian, Participants = 30, MeanScore = 25, BelowMinimumShare = 3 });
            await db.SaveChangesAsync();
        }
        var id = await portal.Service<MentorAssignments>(World.Scope(Roles.Operator)).AssignAsync(Assignment(mentor.UserId, World.SchoolA2.Id));
        id.Should().NotBeEmpty();

        var (rows, total) = await portal.Service<SchoolRegistry>(mentor).SearchAsync(new SchoolQuery());
        total.Should().Be(1);
        rows.Single().Id.Should().Be(World.SchoolA2.Id);
        (await portal.Service<SchoolRegistry>(mentor).CardAsync(World.SchoolA1.Id)).Should().BeNull();
        var (results, _) = await portal.Service<ResultsBrowser>(mentor).SearchAsync(new ResultQuery());
        results.Should().OnlyContain(r => r.SchoolCode == World.SchoolA2.Code).And.HaveCount(1);
        (await portal.Service<MentorAssignments>(mentor).ListAsync()).Should().ContainSingle(a => a.SchoolId == World.SchoolA2.Id);
    }

    [Fact]
    public async Task An_assignment_that_has_not_started_or_has_ended_gives_no_access()
    {
        var mentor = await ExtraUsers.AddAsync(portal, Roles.Mentor);
        var office = portal.Service<MentorAssignments>(World.Scope(Roles.Operator));
        await office.AssignAsync(Assignment(mentor.UserId, World.SchoolA1.Id, fromDays: 5, toDays: 50));
        await office.AssignAsync(Assignment(mentor.UserId, World.SchoolA1Second.Id, fromDays: -50, toDays: -5));
        (await portal.Service<SchoolRegistry>(mentor).SearchAsync(new SchoolQuery())).Total.Should().Be(0);

        var id = await office.AssignAsync(Assignment(mentor.UserId, World.SchoolA2.Id));
        (await portal.Service<SchoolRegistry>(mentor).SearchAsync(new SchoolQuery())).Total.Should().Be(1);
        await office.EndAsync(id);
        (await portal.Service<SchoolRegistry>(mentor).SearchAsync(new SchoolQuery())).Total.Should().Be(0);
    }

    [Fact]
    public async Task A_municipal_coordinator_assigns_only_within_the_municipality()
    {
        var mentor = await ExtraUsers.AddAsync(portal, Roles.Mentor);
        var coordinator = portal.Service<MentorAssignments>(World.Scope(Roles.Municipal));
        await coordinator.AssignAsync(Assignment(mentor.UserId, World.SchoolA1Second.Id));
        var outside = () => coordinator.AssignAsync(Assignment(mentor.UserId, World.SchoolA2.Id));
        await outside.Should().ThrowAsync<ScopeException>();
        var otherRegion = () => portal.Service<MentorAssignments>(World.Scope(Roles.Operator)).AssignAsync(Assignment(mentor.UserId, World.SchoolB1.Id));
        await otherRegion.Should().ThrowAsync<ScopeException>();
        var schoolAssigns = () => portal.Service<MentorAssignments>(World.Scope(Roles.School)).AssignAsync(Assignment(mentor.UserId, World.SchoolA1.Id));
        await schoolAssigns.Should().ThrowAsync<ScopeException>();

        (await portal.Service<MentorAssignments>(World.Scope(Roles.Municipal, "a2")).ListAsync()).Should().NotContain(a => a.MentorId == mentor.UserId);
    }

    [Fact]
    public async Task Only_mentor_role_users_are_assigned_and_bad_input_is_refused_in_russian()
    {
        var office = portal.Service<MentorAssignments>(World.Scope(Roles.Operator));
        var notMentor = () => office.AssignAsync(Assignment(World.Scope(Roles.School).UserId, World.SchoolA1.Id));
        (await notMentor.Should().ThrowAsync<DomainException>()).Which.Messages.Should().ContainSingle().Which.Should().Contain("не имеет роли");
        var mentor = await ExtraUsers.AddAsync(portal, Roles.Mentor);
        var wrongOrder = Assignment(mentor.UserId, World.SchoolA1.Id, fromDays: 10, toDays: 1);
        (await FluentActions.Awaiting(() => office.AssignAsync(wrongOrder)).Should().ThrowAsync<DomainException>()).Which.Messages.Should().Contain("Окончание периода не может быть раньше его начала.");
        var tutor = Assignment(mentor.UserId, World.SchoolA1.Id);
        tutor.Kind = MentorKind.Tutor;
        (await FluentActions.Awaiting(() => office.AssignAsync(tutor)).Should().ThrowAsync<DomainException>()).Which.Messages.Should().Contain("Для тьютора укажите предмет.");
        await using var db = portal.System();
        (await db.MentorAssignments.AnyAsync(a => a.MentorId == mentor.UserId)).Should().BeFalse();
    }

    [Fact]
    public async Task A_mentor_uploads_materials_and_sees_documents_only_of_assigned_schools()
    {
        var mentor = await ExtraUsers.AddAsync(portal, Roles.Mentor);
        var library = portal.Service<DocumentLibrary>(mentor);
        var upload = () => library.UploadAsync(new DocumentUpload(World.A1.Id, World.SchoolA1.Id, Domain.Documents.DocumentKind.ConsultationMaterials,
            "Памятка", "memo.pdf", new MemoryStream("%PDF-1.4\n%%EOF"u8.ToArray())));
        await upload.Should().ThrowAsync<ScopeException>();
        await portal.Service<MentorAssignments>(World.Scope(Roles.Operator)).AssignAsync(Assignment(mentor.UserId, World.SchoolA1.Id));
        var version = await upload();
        (await library.ListAsync(World.A1.Id, World.SchoolA1.Id)).Should().Contain(d => d.Id == version.DocumentId);
        (await library.ListAsync(World.A1.Id, World.SchoolA1Second.Id)).Should().BeEmpty();

        // Only materials: not the school's own documents, neither as a new document nor as a new version of one.
        var programme = () => library.UploadAsync(new DocumentUpload(World.A1.Id, World.SchoolA1.Id, Domain.Documents.DocumentKind.SchoolProgramme,
            "Программа", "p.pdf", new MemoryStream("%PDF-1.4\n%%EOF"u8.ToArray())));
        await programme.Should().ThrowAsync<ScopeException>();
        var schoolProgramme = await portal.Service<DocumentLibrary>(World.Scope(Roles.School)).UploadAsync(new DocumentUpload(World.A1.Id,
            World.SchoolA1.Id, Domain.Documents.DocumentKind.SchoolProgramme, "Программа", "p.pdf", new MemoryStream("%PDF-1.4\n%%EOF"u8.ToArray())));
        var overwrite = () => library.UploadAsync(new DocumentUpload(World.A1.Id, World.SchoolA1.Id, Domain.Documents.DocumentKind.ConsultationMaterials,
            "Памятка", "memo.pdf", new MemoryStream("%PDF-1.4\n%%EOF"u8.ToArray()), schoolProgramme!.DocumentId));
        await overwrite.Should().ThrowAsync<ScopeException>();
        await using var db = portal.System();
        (await db.DocumentVersions.CountAsync(v => v.DocumentId == schoolProgramme!.DocumentId)).Should().Be(1);
    }
}
