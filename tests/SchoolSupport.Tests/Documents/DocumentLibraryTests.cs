using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Documents;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Tests.Support;

namespace SchoolSupport.Tests.Documents;

/// <summary>The portal with a small upload limit, so that an oversized file is cheap to make.</summary>
public sealed class SmallUploadPortal : PortalFixture
{
    public const int Limit = 64 * 1024;
    protected override IEnumerable<string> ExtraArgs => [$"--Files:MaxUploadBytes={Limit}"];
}

public sealed class DocumentLibraryTests(SmallUploadPortal portal) : IClassFixture<SmallUploadPortal>
{
    private TestWorld World => portal.World;

    private DocumentLibrary As(string role, string region = "a") => portal.Service<DocumentLibrary>(World.Scope(role, region));

    private string FilesFolder => portal.Services.GetRequiredService<FileStorageOptions>().Folder;

    private static byte[] Pdf(string text) => Encoding.ASCII.GetBytes("%PDF-1.7\n" + text + "\n%%EOF\n");

    private DocumentUpload Upload(byte[] content, string fileName, Guid? documentId = null, string title = "Отчёт о самообследовании за 2025 год") =>
        new(World.A1.Id, World.SchoolA1.Id, DocumentKind.SelfAssessmentReport, title, fileName, new MemoryStream(content), documentId);

    private async Task<int> StoredCountAsync()
    {
        await using var db = portal.System();
        return await db.DocumentVersions.CountAsync() + await db.Documents.CountAsync();
    }

    private int FilesOnDisk() => Directory.Exists(FilesFolder) ? Directory.EnumerateFiles(FilesFolder, "*", SearchOption.AllDirectories).Count() : 0;

    [Fact]
    public async Task Content_is_recognised_by_its_bytes_not_by_its_name()
    {
        FileInspector.Detect(Pdf("x")).Should().Be(FileType.Pdf);
        FileInspector.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]).Should().Be(FileType.Png);
        FileInspector.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]).Should().Be(FileType.Jpeg);
        FileInspector.Detect(Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"))).Should().Be(FileType.Docx);
        FileInspector.Detect(Zip(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"))).Should().Be(FileType.Xlsx);
        FileInspector.Detect(Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office/>"))).Should().Be(FileType.Odt);
        FileInspector.Detect(Zip(("payload.exe", "MZ"))).Should().BeNull();
        FileInspector.Detect(Encoding.ASCII.GetBytes("MZ\u0090\0\u0003\0\0\0This program cannot be run in DOS mode")).Should().BeNull();
        FileInspector.Detect(Encoding.ASCII.GetBytes("PK\u0003\u0004 broken")).Should().BeNull();
    }

    [Fact]
    public async Task A_disguised_executable_and_an_oversized_file_are_refused_and_nothing_is_stored()
    {
        var before = await StoredCountAsync();
        var filesBefore = FilesOnDisk();

        var exe = Encoding.ASCII.GetBytes("MZ\u0090\0\u0003\0\0\0\u0004\0\0\0This program cannot be run in DOS mode.");
        var disguised = () => As(Roles.School).UploadAsync(Upload(exe, "самообследование.pdf"));
        (await disguised.Should().ThrowAsync<DomainException>()).Which.Messages.Should().ContainSingle().Which.Should().StartWith("Недопустимый тип файла");

        var big = Pdf(new string('x', SmallUploadPortal.Limit));
        var oversized = () => As(Roles.School).UploadAsync(Upload(big, "большой.pdf"));
        (await oversized.Should().ThrowAsync<DomainException>()).Which.Messages.Should().ContainSingle().Which.Should().StartWith("Файл больше допустимого размера");

        (await StoredCountAsync()).Should().Be(before);
        FilesOnDisk().Should().Be(filesBefore);
    }

    [Fact]
    public async Task A_new_upload_adds_a_version_and_keeps_the_earlier_ones()
    {
        var first = Pdf("первая редакция");
        var v1 = await As(Roles.School).UploadAsync(Upload(first, "../../Отчёт.pdf"));
        v1.Number.Should().Be(1);
        v1.FileName.Should().Be("Отчёт.pdf");
        v1.Sha256.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(first)));

        var second = Pdf("вторая редакция");
        var v2 = await As(Roles.Municipal).UploadAsync(Upload(second, "Отчёт (исправленный).pdf", v1.DocumentId));
        v2.Number.Should().Be(2);
        v2.DocumentId.Should().Be(v1.DocumentId);

        var document = (await As(Roles.School).ListAsync(World.A1.Id, World.SchoolA1.Id)).Single(d => d.Id == v1.DocumentId);
        document.Versions.Select(v => v.Number).Should().Equal(2, 1);
        (await File.ReadAllBytesAsync((await As(Roles.School).OpenAsync(v1.Id))!.FullPath)).Should().Equal(first);
        (await File.ReadAllBytesAsync((await As(Roles.School).OpenAsync(v2.Id))!.FullPath)).Should().Equal(second);

        using var client = await portal.LoginAsync(TestWorld.Email(Roles.School));
        using var download = await client.GetAsync($"/documents/files/{v1.Id}");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(first);
    }

    [Fact]
    public async Task Documents_are_seen_and_uploaded_only_within_scope()
    {
        var v = await As(Roles.School).UploadAsync(Upload(Pdf("приказ"), "ВСОКО.pdf", title: "Приказ о ВСОКО"));

        (await As(Roles.Municipal, "a2").OpenAsync(v.Id)).Should().BeNull();
        (await As(Roles.Municipal, "a2").ListAsync(World.A1.Id, World.SchoolA1.Id)).Should().BeEmpty();
        (await As(Roles.Operator, "b").OpenAsync(v.Id)).Should().BeNull();
        (await As(Roles.Operator).OpenAsync(v.Id)).Should().NotBeNull();

        var foreignUpload = () => As(Roles.Municipal, "a2").UploadAsync(Upload(Pdf("x"), "x.pdf"));
        await foreignUpload.Should().ThrowAsync<ScopeException>();
        var mentorUpload = () => As(Roles.Mentor).UploadAsync(Upload(Pdf("x"), "x.pdf"));
        await mentorUpload.Should().ThrowAsync<ScopeException>();
        var otherSchool = () => As(Roles.School).UploadAsync(new DocumentUpload(World.A1.Id, World.SchoolA1Second.Id, DocumentKind.SchoolProgramme,
            "Чужая программа", "x.pdf", new MemoryStream(Pdf("x"))));
        await otherSchool.Should().ThrowAsync<ScopeException>();

        using var client = await portal.LoginAsync(TestWorld.Email(Roles.Municipal, "a2"));
        (await client.GetAsync($"/documents/files/{v.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_coordinator_reviews_a_school_document_and_others_may_not()
    {
        var v = await As(Roles.School).UploadAsync(Upload(Pdf("программа"), "Программа.pdf", title: "Программа перехода"));
        var selfReview = () => As(Roles.School).ReviewAsync(v.Id, accept: true, null);
        await selfReview.Should().ThrowAsync<ScopeException>();
        var foreignReview = () => As(Roles.Municipal, "a2").ReviewAsync(v.Id, accept: true, null);
        await foreignReview.Should().ThrowAsync<ScopeException>();
        var silentReturn = () => As(Roles.Municipal).ReviewAsync(v.Id, accept: false, " ");
        (await silentReturn.Should().ThrowAsync<DomainException>()).WithMessage("*без комментария невозможен*");

        await As(Roles.Municipal).ReviewAsync(v.Id, accept: false, "Нет раздела о сетевом партнёрстве.");
        var twice = () => As(Roles.Municipal).ReviewAsync(v.Id, accept: true, null);
        (await twice.Should().ThrowAsync<DomainException>()).WithMessage("*уже рассмотрена*");

        var reviewed = (await As(Roles.School).ListAsync(World.A1.Id, World.SchoolA1.Id)).Single(d => d.Id == v.DocumentId).Versions.Single();
        reviewed.Review.Should().Be(ReviewStatus.Returned);
        reviewed.ReviewComment.Should().Be("Нет раздела о сетевом партнёрстве.");
        reviewed.ReviewedByName.Should().Be(World.Scope(Roles.Municipal).UserName);
    }

    [Fact]
    public async Task Upload_names_are_cut_between_text_elements_and_lose_bidi_controls()
    {
        var emoji = await As(Roles.School).UploadAsync(Upload(Pdf("a"), new string('а', 149) + "😀конец.pdf"));
        emoji.FileName.Should().Be(new string('а', 149) + ".pdf", "an emoji at the cut goes whole, not half of it");

        var bidi = await As(Roles.School).UploadAsync(Upload(Pdf("b"), "\u2066счёт\u202Eexe.pdf\u2069.pdf", title: "\u202BПриказ\u202C о ВСОКО"));
        bidi.FileName.Should().Be("счётexe.pdf.pdf");
        await using var db = portal.System();
        (await db.Documents.SingleAsync(d => d.Id == bidi.DocumentId)).Title.Should().Be("Приказ о ВСОКО");
    }

    [Fact]
    public async Task A_title_longer_than_its_column_is_refused_with_a_message_and_nothing_is_stored()
    {
        var before = await StoredCountAsync();
        var tooLong = () => As(Roles.School).UploadAsync(Upload(Pdf("c"), "отчёт.pdf", title: new string('т', 501)));
        (await tooLong.Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal("Название документа длиннее 500 символов (501): сократите его.");
        (await StoredCountAsync()).Should().Be(before);

        var atTheLimit = await As(Roles.School).UploadAsync(Upload(Pdf("c"), "отчёт.pdf", title: new string('т', 500)));
        atTheLimit.Should().NotBeNull();
    }

    [Fact]
    public async Task A_package_whose_part_would_unpack_past_the_limit_is_refused_from_its_directory()
    {
        var odt = Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office/>"));
        ZipParts.DeclareSize(odt, "mimetype", int.MaxValue);
        var bomb = () => As(Roles.School).UploadAsync(Upload(odt, "bomb.odt"));
        (await bomb.Should().ThrowAsync<DomainException>()).Which.Messages.Should().Equal("Файл отклонён: часть «mimetype» после распаковки займёт 2048 МБ при допустимых 800 МБ.");
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }
        return buffer.ToArray();
    }
}
