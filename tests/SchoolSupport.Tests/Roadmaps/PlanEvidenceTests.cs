using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Roadmaps;
using SchoolSupport.Tests.Support;
using UglyToad.PdfPig;

namespace SchoolSupport.Tests.Roadmaps;

public sealed class PlanEvidenceTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private TestWorld World => portal.World;

    private T As<T>(string role, string region = "a") where T : notnull => portal.Service<T>(World.Scope(role, region));

    private PlanEvidenceFiles Evidence(string role, string region = "a") => portal.Service<PlanEvidenceFiles>(World.Scope(role, region));

    private static MemoryStream Pdf(string text) => new(Encoding.ASCII.GetBytes("%PDF-1.7\n" + text + "\n%%EOF\n"));

    private string FilesFolder => portal.Services.GetRequiredService<FileStorageOptions>().Folder;

    private int FilesOnDisk() => Directory.Exists(FilesFolder) ? Directory.EnumerateFiles(FilesFolder, "*", SearchOption.AllDirectories).Count() : 0;

    private async Task<uint> VersionAsync(Guid id) => (await As<PlanQueries>(Roles.School).GetAsync(id))!.Plan.Version;

    private Task<(Guid Plan, Guid Item)> ProgrammeInProgressAsync() => ProgrammeInProgressAsync(portal);

    /// <summary>School A1's programme, approved by its coordinator and being carried out; returns the plan and its first activity.</summary>
    internal static async Task<(Guid Plan, Guid Item)> ProgrammeInProgressAsync(PortalFixture portal)
    {
        var team = portal.World.Scope(Roles.School);
        var coordinator = portal.World.Scope(Roles.Municipal);
        var id = await PlanWorkflowTests.DraftSchoolProgrammeAsync(portal);
        async Task<uint> Version() => (await portal.Service<PlanQueries>(team).GetAsync(id))!.Plan.Version;
        await portal.Service<MovePlan>(team).MoveAsync(id, await Version(), PlanStatus.Submitted, null);
        await portal.Service<MovePlan>(coordinator).MoveAsync(id, await Version(), PlanStatus.UnderReview, null);
        await portal.Service<MovePlan>(coordinator).MoveAsync(id, await Version(), PlanStatus.Approved, null);
        await portal.Service<MovePlan>(team).MoveAsync(id, await Version(), PlanStatus.InProgress, null);
        var view = await portal.Service<PlanQueries>(team).GetAsync(id);
        return (id, view!.Plan.Items[0].Id);
    }

    private async Task<(int Documents, int Versions, int Links)> StoredAsync()
    {
        await using var db = portal.System();
        return (await db.Documents.CountAsync(), await db.DocumentVersions.CountAsync(), await db.PlanItemEvidence.CountAsync());
    }

    [Fact]
    public async Task In_a_plan_being_carried_out_a_changed_participant_list_is_refused_not_dropped()
    {
        var (planId, itemId) = await ProgrammeInProgressAsync();
        var team = portal.World.Scope(Roles.School);
        var edit = PlanItemEdit.From((await portal.Service<PlanQueries>(team).GetAsync(planId))!.Plan.Items.Single(i => i.Id == itemId));
        var before = edit.Participants;
        edit.Participants = before + ", родители";
        (await FluentActions.Awaiting(() => portal.Service<SavePlanItem>(team).SaveItemAsync(edit)).Should().ThrowAsync<DomainException>()).Which.Messages.Should().ContainSingle().Which.Should().Contain("меняются только фактическое значение");
        (await portal.Service<PlanQueries>(team).GetAsync(planId))!.Plan.Items.Single(i => i.Id == itemId).Participants.Should().Be(before);
    }

    [Fact]
    public async Task The_school_team_attaches_evidence_to_an_activity_and_the_coordinator_downloads_it()
    {
        var (planId, itemId) = await ProgrammeInProgressAsync();

        var file = await Evidence(Roles.School).AttachAsync(planId, itemId, "Протокол семинара.pdf", Pdf("seminar minutes"));
        file.ItemId.Should().Be(itemId);
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
        var draftItem = (await As<PlanQueries>(Roles.School).GetAsync(draft))!.Plan.Items[0].Id;
        var toDraft = () => Evidence(Roles.School).AttachAsync(draft, draftItem, "a.pdf", Pdf("a"));
        (await toDraft.Should().ThrowAsync<DomainException>()).Which.Messages.Should().ContainSingle().Which.Should().Contain("когда план утверждён");

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
        var attach = () => Evidence(Roles.School).AttachAsync(planId, itemId, "отчёт.pdf", exe);

        (await attach.Should().ThrowAsync<DomainException>()).Which.Messages.Should().ContainSingle().Which.Should().StartWith("Недопустимый тип файла");
        (await StoredAsync()).Should().Be(before);
        FilesOnDisk().Should().Be(filesBefore);
        (await Evidence(Roles.School).ListAsync(planId)).Should().BeEmpty();
    }

    [Fact]
    public async Task Another_municipality_or_region_neither_attaches_to_nor_sees_the_evidence()
    {
        var (planId, itemId) = await ProgrammeInProgressAsync();
        var file = await Evidence(Roles.School).AttachAsync(planId, itemId, "Фотоотчёт.png",
            new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0]));
        var before = await StoredAsync();

        foreach (var (role, region) in new[] { (Roles.Municipal, "a2"), (Roles.Municipal, "b"), (Roles.School, "b") })
        {
            var attach = () => Evidence(role, region).AttachAsync(planId, itemId, "чужой.pdf", Pdf("чужой"));
            (await attach.Should().ThrowAsync<ScopeException>()).WithMessage("План не найден.");
            (await Evidence(role, region).ListAsync(planId)).Should().BeEmpty();
            (await portal.Service<DocumentLibrary>(World.Scope(role, region)).OpenAsync(file.VersionId)).Should().BeNull();
        }
        (await StoredAsync()).Should().Be(before);
    }

    [Fact]
    public async Task The_team_replaces_an_evidence_file_and_the_old_version_stays_in_the_library()
    {
        var (planId, itemId) = await ProgrammeInProgressAsync();
        var old = await Evidence(Roles.School).AttachAsync(planId, itemId, "Протокол черновой.pdf", Pdf("draft minutes"));

        var file = await Evidence(Roles.School).ReplaceAsync(planId, itemId, old.VersionId, "Протокол подписанный.pdf", Pdf("signed minutes"));
        file.ItemId.Should().Be(itemId);
        file.FileName.Should().Be("Протокол подписанный.pdf");
        (await Evidence(Roles.Municipal).ListAsync(planId)).Should().ContainSingle().Which.VersionId.Should().Be(file.VersionId);
        await using var db = portal.System();
        var versions = await db.DocumentVersions.Where(v => v.Id == old.VersionId || v.Id == file.VersionId).OrderBy(v => v.Number).ToListAsync();
        versions.Select(v => v.FileName).Should().Equal("Протокол черновой.pdf", "Протокол подписанный.pdf");
        versions.Select(v => v.DocumentId).Distinct().Should().ContainSingle("the new file is the next version of the same document");
        (await portal.Service<DocumentLibrary>(World.Scope(Roles.Municipal)).OpenAsync(old.VersionId)).Should().NotBeNull();
        (await db.Audit.SingleAsync(a => a.Action == "plan-item.evidence-replace" && a.EntityId == planId.ToString()))
            .Details.Should().Contain("Протокол черновой.pdf → Протокол подписанный.pdf");
    }

    [Fact]
    public async Task The_team_removes_an_evidence_file_and_its_document_version_stays_for_the_record()
    {
        var (planId, itemId) = await ProgrammeInProgressAsync();
        var file = await Evidence(Roles.School).AttachAsync(planId, itemId, "Фото ошибочное.pdf", Pdf("wrong photo"));

        await Evidence(Roles.School).RemoveAsync(planId, itemId, file.VersionId);

        (await Evidence(Roles.School).ListAsync(planId)).Should().BeEmpty();
        (await portal.Service<DocumentLibrary>(World.Scope(Roles.Municipal)).OpenAsync(file.VersionId)).Should().NotBeNull();
        await using var db = portal.System();
        (await db.Audit.SingleAsync(a => a.Action == "plan-item.evidence-remove" && a.EntityId == planId.ToString()))
            .Details.Should().Contain("Фото ошибочное.pdf");
    }

    [Fact]
    public async Task Evidence_of_another_activity_or_none_at_all_is_neither_removed_nor_replaced()
    {
        var (planId, itemId) = await ProgrammeInProgressAsync();
        var otherItem = (await As<PlanQueries>(Roles.School).GetAsync(planId))!.Plan.Items[1].Id;
        var file = await Evidence(Roles.School).AttachAsync(planId, itemId, "Справка.pdf", Pdf("certificate"));
        var before = await StoredAsync();
        var filesBefore = FilesOnDisk();

        foreach (var (item, version) in new[] { (otherItem, file.VersionId), (itemId, Guid.NewGuid()) })
        {
            (await FluentActions.Awaiting(() => Evidence(Roles.School).RemoveAsync(planId, item, version)).Should().ThrowAsync<DomainException>()).Which.Messages.Should().ContainSingle().Which.Should().Contain("не приложен к мероприятию");
            var replace = () => Evidence(Roles.School).ReplaceAsync(planId, item, version, "Справка новая.pdf", Pdf("new certificate"));
            (await replace.Should().ThrowAsync<DomainException>()).Which.Messages.Should().ContainSingle().Which.Should().Contain("не приложен к мероприятию");
        }
        var foreignItem = () => Evidence(Roles.School).RemoveAsync(planId, Guid.NewGuid(), file.VersionId);
        (await foreignItem.Should().ThrowAsync<ScopeException>()).WithMessage("Мероприятие не найдено.");

        (await StoredAsync()).Should().Be(before);
        FilesOnDisk().Should().Be(filesBefore);
        (await Evidence(Roles.School).ListAsync(planId)).Should().ContainSingle().Which.ItemId.Should().Be(itemId);
    }

    [Fact]
    public async Task Evidence_is_replaced_or_removed_only_by_the_plans_owner_while_it_is_carried_out()
    {
        var (planId, itemId) = await ProgrammeInProgressAsync();
        var file = await Evidence(Roles.School).AttachAsync(planId, itemId, "Отчёт.pdf", Pdf("report"));

        var reviewerRemoves = () => Evidence(Roles.Municipal).RemoveAsync(planId, itemId, file.VersionId);
        (await reviewerRemoves.Should().ThrowAsync<ScopeException>()).WithMessage("*только исполнитель плана*");
        var reviewerReplaces = () => Evidence(Roles.Municipal).ReplaceAsync(planId, itemId, file.VersionId, "b.pdf", Pdf("b"));
        (await reviewerReplaces.Should().ThrowAsync<ScopeException>()).WithMessage("*только исполнитель плана*");

        await As<MovePlan>(Roles.School).MoveAsync(planId, await VersionAsync(planId), PlanStatus.Reported, "Отчёт за месяц");
        await As<MovePlan>(Roles.Municipal).MoveAsync(planId, await VersionAsync(planId), PlanStatus.Assessed, null);
        var before = await StoredAsync();

        (await FluentActions.Awaiting(() => Evidence(Roles.School).RemoveAsync(planId, itemId, file.VersionId)).Should().ThrowAsync<DomainException>()).Which.Messages.Should().ContainSingle().Which.Should().Contain("когда план утверждён");
        var replace = () => Evidence(Roles.School).ReplaceAsync(planId, itemId, file.VersionId, "Отчёт новый.pdf", Pdf("new report"));
        (await replace.Should().ThrowAsync<DomainException>()).Which.Messages.Should().ContainSingle().Which.Should().Contain("когда план утверждён");
        (await StoredAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Another_school_municipality_or_region_neither_removes_nor_replaces_the_evidence()
    {
        var (planId, itemId) = await ProgrammeInProgressAsync();
        var file = await Evidence(Roles.School).AttachAsync(planId, itemId, "Протокол.pdf", Pdf("minutes"));
        var before = await StoredAsync();
        var secondSchoolTeam = await ExtraUsers.AddAsync(portal, Roles.School, World.A1.Id, World.SchoolA1Second.Id);

        var strangers = new[] { secondSchoolTeam, World.Scope(Roles.Municipal, "a2"), World.Scope(Roles.Municipal, "b"), World.Scope(Roles.School, "b") };
        foreach (var stranger in strangers)
        {
            var evidence = portal.Service<PlanEvidenceFiles>(stranger);
            var remove = () => evidence.RemoveAsync(planId, itemId, file.VersionId);
            (await remove.Should().ThrowAsync<ScopeException>()).WithMessage("План не найден.");
            var replace = () => evidence.ReplaceAsync(planId, itemId, file.VersionId, "чужой.pdf", Pdf("чужой"));
            (await replace.Should().ThrowAsync<ScopeException>()).WithMessage("План не найден.");
        }
        (await StoredAsync()).Should().Be(before);
        (await Evidence(Roles.School).ListAsync(planId)).Should().ContainSingle().Which.VersionId.Should().Be(file.VersionId);
    }

    [Fact]
    public async Task An_attachment_whose_link_fails_leaves_neither_a_document_nor_a_file()
    {
        var (planId, itemId) = await ProgrammeInProgressAsync();
        var before = await StoredAsync();
        var filesBefore = FilesOnDisk();

        // The activity disappears while the file is read, so the link cannot be saved after the document is written.
        var content = new ActionOnReadStream(Encoding.ASCII.GetBytes("%PDF-1.7\nminutes\n%%EOF\n"), async () =>
        {
            await using var db = portal.System();
            await db.PlanItems.Where(i => i.Id == itemId).ExecuteDeleteAsync();
        });
        var attach = () => Evidence(Roles.School).AttachAsync(planId, itemId, "Протокол.pdf", content);

        await attach.Should().ThrowAsync<DbUpdateException>();
        (await StoredAsync()).Should().Be(before);
        FilesOnDisk().Should().Be(filesBefore);
    }

    [Fact]
    public async Task A_replacement_racing_a_removal_is_refused_as_stale_and_stores_nothing()
    {
        var (planId, itemId) = await ProgrammeInProgressAsync();
        var file = await Evidence(Roles.School).AttachAsync(planId, itemId, "Протокол.pdf", Pdf("minutes"));
        var before = await StoredAsync();
        var filesBefore = FilesOnDisk();

        var content = new ActionOnReadStream(Encoding.ASCII.GetBytes("%PDF-1.7\nnew minutes\n%%EOF\n"),
            () => Evidence(Roles.School).RemoveAsync(planId, itemId, file.VersionId));
        var replace = () => Evidence(Roles.School).ReplaceAsync(planId, itemId, file.VersionId, "Протокол новый.pdf", content);

        (await replace.Should().ThrowAsync<StaleEditException>()).WithMessage("*уже изменил другой пользователь*");
        (await StoredAsync()).Should().Be((before.Documents, before.Versions, before.Links - 1), "only the removal is saved");
        FilesOnDisk().Should().Be(filesBefore);
    }

    [Fact]
    public async Task The_plans_pdf_and_xlsx_list_the_evidence_files_under_their_activities()
    {
        var (planId, itemId) = await ProgrammeInProgressAsync();
        var activity = (await As<PlanQueries>(Roles.School).GetAsync(planId))!.Plan.Items[0].Activity;
        await Evidence(Roles.School).AttachAsync(planId, itemId, "Протокол семинара.pdf", Pdf("seminar minutes"));
        var removed = await Evidence(Roles.School).AttachAsync(planId, itemId, "Лишний файл.pdf", Pdf("extra"));
        await Evidence(Roles.School).RemoveAsync(planId, itemId, removed.VersionId);
        var export = portal.Service<PlanExport>(World.Scope(Roles.Municipal));

        using var pdf = new MemoryStream();
        (await export.WritePdfAsync(planId, pdf)).Found.Should().BeTrue();
        using (var document = PdfDocument.Open(pdf.ToArray()))
        {
            var text = string.Join(" ", document.GetPages().Select(p => p.Text)).Replace(" ", "");
            text.Should().Contain("Подтверждающиематериалы:").And.Contain("Протоколсеминара.pdf")
                .And.Contain(World.Scope(Roles.School).UserName.Replace(" ", "")).And.Contain(DateTime.Now.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
            text.Should().NotContain("Лишнийфайл");
        }

        using var xlsx = new MemoryStream();
        (await export.WriteXlsxAsync(planId, xlsx)).Found.Should().BeTrue();
        xlsx.Position = 0;
        XlsxExport.Read(xlsx, "Мероприятия").Should().HaveCount((await As<PlanQueries>(Roles.School).GetAsync(planId))!.Plan.Items.Count);
        xlsx.Position = 0;
        var row = XlsxExport.Read(xlsx, "Подтверждающие материалы").Should().ContainSingle().Subject;
        row["Мероприятие"].Should().Be(activity);
        row["Файл"].Should().Be("Протокол семинара.pdf");
        row["Загрузил"].Should().Be(World.Scope(Roles.School).UserName);
        row["Дата загрузки"].Should().BeOfType<DateTime>();
    }

    /// <summary>An upload that runs something else the first time it is read: what another user does while a file is on its way.</summary>
    private sealed class ActionOnReadStream(byte[] content, Func<Task> action) : MemoryStream(content)
    {
        private Func<Task>? pending = action;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (pending is { } run)
            {
                pending = null;
                await run();
            }
            return await base.ReadAsync(buffer, cancellationToken);
        }
    }
}
