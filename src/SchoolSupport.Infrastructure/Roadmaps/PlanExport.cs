using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Roadmaps;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Roadmaps;

/// <summary>A plan as a PDF for signing and as an XLSX workbook: its activities, and the evidence files attached to them.</summary>
public sealed class PlanExport(PlanQueries plans, PlanEvidenceFiles evidence, IDbContextFactory<AppDbContext> dbs)
{
    /// <summary>Writes the PDF; false when the user does not see the plan.</summary>
    public async Task<(bool Found, string FileName)> WritePdfAsync(Guid id, Stream output, CancellationToken ct = default)
    {
        var view = await plans.GetAsync(id, ct);
        if (view is null) return (false, "");
        var plan = view.Plan;
        var files = await EvidenceByItemAsync(id, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var authority = await db.Regions.Where(r => r.Id == plan.RegionId).Select(r => r.AuthorityName).FirstOrDefaultAsync(ct) ?? "";
        var body = new List<ReportBlock>
        {
            new ReportParagraph(InfraFormat.Of(InfraText.PlanExport_Header, Titles.Of(plan.Kind), view.OwnerName, D(plan.PeriodFrom), D(plan.PeriodTo), Titles.Of(plan.Status))),
        };
        if (!string.IsNullOrWhiteSpace(plan.Goals)) body.Add(new ReportParagraph(InfraText.PlanExport_GoalsPrefix + plan.Goals));
        var columns = new ReportColumn[]
        {
            new("№", 0.4f, CellAlign.Center), new(InfraText.Common_Activity, 3), new(InfraText.Common_Due, 1, CellAlign.Center), new(InfraText.PlanExport_Responsible, 1.6f),
            new(InfraText.PlanExport_Participants, 1.4f), new(InfraText.Common_Indicator, 1.6f), new(InfraText.Common_TargetValue, 1), new(InfraText.PlanExport_Actual, 1), new(InfraText.Common_Status, 1.1f),
        };
        var number = 0;
        foreach (var group in Grouped(view))
        {
            var rows = group.Items.Select(i => (IReadOnlyList<string>)
            [
                (++number).ToString(CultureInfo.InvariantCulture), WithEvidence(i.Activity, files[i.Id]), D(i.Deadline), i.Responsible, i.Participants, i.Indicator, i.Target,
                i.Actual, Titles.Of(i.Status),
            ]).ToList();
            body.Add(new ReportTable(columns, rows) { Caption = group.Title });
        }
        PdfReportWriter.Write(new ReportDocument
        {
            Title = plan.Title,
            HeaderLines = [authority],
            Body = body,
            Orientation = PageOrientation.Landscape,
            // A plan not yet approved is a draft on paper too.
            Stamp = plan.Status is PlanStatus.Draft or PlanStatus.Submitted or PlanStatus.UnderReview or PlanStatus.Returned ? InfraText.Common_Draft : "",
            Signature = new SignatureBlock(plan.Level == Domain.Roadmaps.PlanLevel.School ? InfraText.PlanExport_Director : InfraText.PlanExport_Head, ""),
        }, output);
        return (true, FileName(plan, "pdf"));
    }

    public async Task<(bool Found, string FileName)> WriteXlsxAsync(Guid id, Stream output, CancellationToken ct = default)
    {
        var view = await plans.GetAsync(id, ct);
        if (view is null) return (false, "");
        var sections = view.Sections.ToDictionary(s => s.Id, s => s.Title);
        var files = await EvidenceByItemAsync(id, ct);
        var activities = XlsxExport.Sheet(view.Plan.Items, InfraText.PlanExport_ItemsSheet,
        [
            (InfraText.PlanExport_Section, i => i.SectionId is { } s && sections.TryGetValue(s, out var t) ? t : ""),
            (InfraText.Common_Activity, i => i.Activity),
            (InfraText.Common_Due, i => i.Deadline.ToDateTime(TimeOnly.MinValue)),
            (InfraText.PlanExport_Responsible, i => i.Responsible),
            (InfraText.PlanExport_Participants, i => i.Participants),
            (InfraText.Common_Indicator, i => i.Indicator),
            (InfraText.Common_TargetValue, i => i.Target),
            (InfraText.PlanExport_ActualValue, i => i.Actual),
            (InfraText.Common_Status, i => Titles.Of(i.Status)),
            (InfraText.PlanExport_Notes, i => i.Comments),
        ]);
        var attached = view.Plan.Items.SelectMany(i => files[i.Id].Select(f => (Item: i, File: f)));
        var evidenceSheet = XlsxExport.Sheet(attached, InfraText.PlanExport_Evidence,
        [
            (InfraText.Common_Activity, e => e.Item.Activity),
            (InfraText.Common_File, e => e.File.FileName),
            (InfraText.PlanExport_UploadedBy, e => e.File.UploadedByName),
            (InfraText.PlanExport_UploadedOn, e => e.File.UploadedAt.ToLocalTime().DateTime),
        ]);
        XlsxExport.Write(output, activities, evidenceSheet);
        return (true, FileName(view.Plan, "xlsx"));
    }

    /// <summary>The files the plan page shows under each activity, oldest first.</summary>
    private async Task<ILookup<Guid, EvidenceFile>> EvidenceByItemAsync(Guid planId, CancellationToken ct) =>
        (await evidence.ListAsync(planId, ct)).OrderBy(f => f.UploadedAt).ToLookup(f => f.ItemId);

    /// <summary>The activity, then its evidence files below it in the same cell: name, who uploaded it and when.</summary>
    private static string WithEvidence(string activity, IEnumerable<EvidenceFile> files)
    {
        var lines = files.Select(f => $"— {f.FileName} ({f.UploadedByName}, {f.UploadedAt.ToLocalTime():dd.MM.yyyy HH:mm})").ToList();
        return lines.Count == 0 ? activity : activity + InfraText.PlanExport_EvidenceHeading + string.Join("\n", lines);
    }

    private static IEnumerable<(string Title, IReadOnlyList<PlanItem> Items)> Grouped(PlanView view)
    {
        foreach (var section in view.Sections)
        {
            var items = view.Plan.Items.Where(i => i.SectionId == section.Id).ToList();
            if (items.Count > 0) yield return (section.Title, items);
        }
        var other = view.Plan.Items.Where(i => i.SectionId is null || view.Sections.All(s => s.Id != i.SectionId)).ToList();
        if (other.Count > 0) yield return (InfraText.PlanExport_OtherItems, other);
    }

    private static string D(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string FileName(Plan plan, string extension)
    {
        var name = string.Concat(plan.Title.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '"' or ';' ? '_' : c));
        if (name.Length > 100) name = name[..100];
        return $"{name}.{extension}";
    }
}
