using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Roadmaps;

public sealed class PlanEvidenceTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    private PlanService Plans(string role, string region = "a") => portal.Service<PlanService>(World.Scope(role, region));

    private PlanEvidenceFiles Evidence(string role, string region = "a") => portal.Service<PlanEvidenceFiles>(World.Scope(role, region));

    private static MemoryStream Pdf(string text) => new(Encoding.ASCII.GetBytes("%PDF-1.7\n" + text + "\n%%EOF\n"));

    private string FilesFolder => portal.Services.GetRequiredService<FileStorageOptions>().Folder;

    private int FilesOnDisk() => Directory.Exists(FilesFolder) ? Directory.EnumerateFiles(FilesFolder, "*", SearchOption.AllDirectories).Count() : 0;

    private async Task<uint> VersionAsync(Guid id) => (await Plans(Roles.School).GetAsync(id))!.Plan.Version;

    /// <summary>School A1's programme, approved by its coordinator and being carried out; returns the plan and its first activity.</summary>
    private async Task<(Guid Plan, Guid Item)> ProgrammeInProgressAsync()
    {
        var id = await PlanWorkflowTests.DraftSchoolProgrammeAsync(portal);
        await Plans(Roles.School).MoveAsync(id, await VersionAsync(id), PlanStatus.Submitted, null);
        await Plans(Roles.Municipal).MoveAsync(id, await VersionAsync(id), PlanStatus.UnderReview, null);
        await Plans(Roles.Municipal).MoveAsync(id, await VersionAsync(id), PlanStatus.Approved, null);
        await Plans(Roles.School).MoveAsync(id, await VersionAsync(id), PlanStatus.InProgress, null);
        var view = await Plans(Roles.School).GetAsync(id);
        return (id, view!.Plan.Items[0].Id);
    }

    private async Task<(int Documents, int Versions, int Links)> StoredAsync()
    {
        await using var db = portal.System();
        return (await db.Documents.CountAsync(), await db.DocumentVersions.CountAsync(), await db.PlanItemEvidence.CountAsync());
    }

    [Fact]
    public async Task The_school_team_attaches_evidence_to_an_activity_and_the_coordinator_downloads_it()
    {
        var (planId, itemId) = await ProgrammeInProgressAsync();

        var (file, errors) = await Evidence(Roles.School).AttachAsync(planId, itemId, "Протокол семинара.pdf", Pdf("seminar minutes"));

        errors.Should().BeEmpty();
        file!.ItemId.Should().Be(itemId);
        file.FileName.Should().Be("Протокол семинара.pdf");
        (await Evidence(Roles.School).ListAsync(planId)).Should().ContainSingle().Which.VersionId.Should().Be(file.VersionId);
        (await Evidence(Roles.Municipal).ListAsync(planId)).Should().ContainSingle().Which.ItemId.Should().Be(itemId);

        await using (var db = portal.System())
        {
            var document = await db.DocumentVersions.Where(v => v.Id == file.VersionId).Join(db.Documents, v => v.DocumentId, d => d.Id, (v, d) => d).SingleAsync();
            document.Kind.Should().Be(DocumentKind.PlanEvidence);
            document.SchoolId.Should().Be(World.SchoolA1.Id);
            document.MunicipalityId.Should().Be(World.A1.Id);
        }
        var stored = await portal.Service<DocumentLibrary>(World.Scope(Roles.Municipal)).OpenAsync(file.VersionId);
        stored.Should().NotBeNull();
        (await File.ReadAllTextAsync(stored!.FullPath)).Should().Contain("seminar minutes");
    }

    [Fact]
    public async Task Evidence_is_attached_only_by_the_plans_owner_while_it_is_carried_out()
    {
        var draft = await PlanWorkflowTests.DraftSchoolProgrammeAsync(portal);
        var draftItem = (await Plans(Roles.School).GetAsync(draft))!.Plan.Items[0].Id;
        var (_, errors) = await Evidence(Roles.School).AttachAsync(draft, draftItem, "a.pdf", Pdf("a"));
        errors.Should().ContainSingle().Which.Should().Contain("когда план утверждён");

        var (planId, itemId) = await ProgrammeInProgressAsync();
        var reviewer = () => Evidence(Roles.Municipal).AttachAsync(planId, itemId, "a.pdf", Pdf("a"));
        (await reviewer.Should().ThrowAsync<ScopeException>()).WithMessage("*только исполнитель плана*");
    }

    [Fact]
    public async Task A_disguised_file_is_refused_and_nothing_is_stored()
    {
        var (planId, itemId) = await ProgrammeInProgressAsync();
        var before = await StoredAsync();
        var filesBefore = FilesOnDisk();

        var exe = new MemoryStream(Encoding.ASCII.GetBytes("MZ\u0090\0\u0003\0\0\0\u0004\0\0\0This program cannot be run in DOS mode."));
        var (file, errors) = await Evidence(Roles.School).AttachAsync(planId, itemId, "отчёт.pdf", exe);

        file.Should().BeNull();
        errors.Should().ContainSingle().Which.Should().StartWith("Недопустимый тип файла");
        (await StoredAsync()).Should().Be(before);
        FilesOnDisk().Should().Be(filesBefore);
        (await Evidence(Roles.School).ListAsync(planId)).Should().BeEmpty();
    }

    [Fact]
    public async Task Another_municipality_or_region_neither_attaches_to_nor_sees_the_evidence()
    {
        var (planId, itemId) = await ProgrammeInProgressAsync();
        var (file, errors) = await Evidence(Roles.School).AttachAsync(planId, itemId, "Фотоотчёт.png",
            new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]));
        errors.Should().BeEmpty();
        var before = await StoredAsync();

        foreach (var (role, region) in new[] { (Roles.Municipal, "a2"), (Roles.Municipal, "b"), (Roles.School, "b") })
        {
            var attach = () => Evidence(role, region).AttachAsync(planId, itemId, "чужой.pdf", Pdf("чужой"));
            (await attach.Should().ThrowAsync<ScopeException>()).WithMessage("План не найден.");
            (await Evidence(role, region).ListAsync(planId)).Should().BeEmpty();
            (await portal.Service<DocumentLibrary>(World.Scope(role, region)).OpenAsync(file!.VersionId)).Should().BeNull();
        }
        (await StoredAsync()).Should().Be(before);
    }
}
