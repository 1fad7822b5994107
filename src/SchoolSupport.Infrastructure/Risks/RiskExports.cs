using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Risks;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Documents;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Risks;

/// <summary>The risk profiles of the schools the user sees, for a year, as XLSX and PDF; both read through <see cref="RiskQueries"/>.</summary>
public sealed class RiskExports(IDbContextFactory<AppDbContext> dbs, ICurrentScope current, RiskQueries queries)
{
    private static readonly CultureInfo Ru = InfraFormat.Russian;

    public async Task<byte[]> XlsxAsync(int year, Guid? municipalityId = null, CancellationToken ct = default)
    {
        var overview = await queries.OverviewAsync(year, municipalityId, ct);
        var levels = overview.Factors.Select(f => (f.Title, (Func<SchoolRiskRow, object?>)(r => Titles.Of(r.Levels[f.Code])))).ToList();
        var changes = overview.Factors.Select(f => (f.Title, (Func<SchoolRiskRow, object?>)(r => Change(r, f.Code)))).ToList();
        using var output = new MemoryStream();
        XlsxExport.Write(output,
            XlsxExport.Sheet(overview.Schools, InfraText.RiskExport_ProfilesSheet, [(InfraText.Common_School, r => r.School), (InfraText.Common_Municipality, r => r.Municipality),
                (InfraText.RiskExport_ProfileFilled, r => r.Filled ? InfraText.Common_Yes : InfraText.Common_No), (InfraText.RiskExport_KeyRisks, r => string.Join("; ", r.KeyRisks)), .. levels]),
            XlsxExport.Sheet(overview.ByFactor, InfraText.RiskExport_DistributionSheet, [(InfraText.Common_RiskFactor, d => d.Title), (InfraText.RiskExport_Low, d => d.Low), (InfraText.RiskExport_Medium, d => d.Medium),
                (InfraText.RiskExport_High, d => d.High), (InfraText.RiskExport_NoData, d => d.NoData)]),
            XlsxExport.Sheet(overview.ByMunicipality, InfraText.Common_Municipalities, [(InfraText.Common_Municipality, m => m.Municipality), (InfraText.Common_Schools, m => m.Schools),
                (InfraText.RiskExport_FilledProfile, m => m.Filled), .. overview.Factors.Select(f => (InfraFormat.Of(InfraText.RiskExport_HighOf, f.Title), (Func<MunicipalityDistribution, object?>)(m => m.High[f.Code])))]),
            XlsxExport.Sheet(overview.Schools, InfraText.RiskExport_ChangeToLastYear, [(InfraText.Common_School, r => r.School), (InfraText.Common_Municipality, r => r.Municipality), .. changes]));
        return output.ToArray();
    }

    public async Task<byte[]> PdfAsync(int year, Guid? municipalityId = null, CancellationToken ct = default)
    {
        var scope = current.Require();
        var overview = await queries.OverviewAsync(year, municipalityId, ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var authority = await db.Regions.Where(r => r.Id == scope.RegionId).Select(r => r.AuthorityName).FirstAsync(ct);
        var numbered = overview.Factors.Select((f, i) => (Number: (i + 1).ToString(Ru), f.Code, f.Title)).ToList();
        var document = new ReportDocument
        {
            HeaderLines = [authority],
            Title = InfraFormat.Of(InfraText.RiskExport_ReportTitle, RiskCalendar.YearTitle(year)),
            Orientation = PageOrientation.Landscape,
            Body =
            [
                new ReportParagraph(InfraFormat.Of(InfraText.RiskExport_Coverage, overview.Basis, overview.Schools.Count, overview.Schools.Count(s => s.Filled))),
                new ReportTable([new(InfraText.Common_RiskFactor, 5), new(InfraText.RiskExport_Low, 1, CellAlign.Right), new(InfraText.RiskExport_Medium, 1, CellAlign.Right), new(InfraText.RiskExport_High, 1, CellAlign.Right), new(InfraText.RiskExport_NoData, 1, CellAlign.Right)],
                    overview.ByFactor.Select((d, i) => (IReadOnlyList<string>)[$"{i + 1}. {d.Title}", Count(d.Low), Count(d.Medium), Count(d.High), Count(d.NoData)]).ToList())
                    { Caption = InfraText.RiskExport_Table1 },
                new ReportTable([new(InfraText.Common_Municipality, 3), new(InfraText.Common_Schools, 0.7f, CellAlign.Right), new(InfraText.RiskExport_Filled, 0.9f, CellAlign.Right),
                        .. numbered.Select(n => new ReportColumn(n.Number, 0.5f, CellAlign.Right))],
                    overview.ByMunicipality.Select(m => (IReadOnlyList<string>)[m.Municipality, Count(m.Schools), Count(m.Filled), .. numbered.Select(n => Count(m.High[n.Code]))]).ToList())
                    { Caption = InfraText.RiskExport_Table2 },
                new ReportTable([new(InfraText.Common_School, 3), new(InfraText.Common_Municipality, 2.2f), .. numbered.Select(n => new ReportColumn(n.Number, 0.5f, CellAlign.Center))],
                    overview.Schools.Select(s => (IReadOnlyList<string>)[s.School, s.Municipality, .. numbered.Select(n => Letter(s.Levels[n.Code]) + Arrow(s.Change(n.Code)))]).ToList())
                    { Caption = InfraText.RiskExport_Table3 },
            ],
        };
        using var output = new MemoryStream();
        PdfReportWriter.Write(document, output);
        return output.ToArray();
    }

    private static string Change(SchoolRiskRow row, string code) =>
        $"{Titles.Of(row.Previous.GetValueOrDefault(code))} → {Titles.Of(row.Levels.GetValueOrDefault(code))}";

    private static string Letter(RiskLevel? level) => level switch
    {
        RiskLevel.High => InfraText.RiskExport_LetterHigh,
        RiskLevel.Medium => InfraText.RiskExport_LetterMedium,
        RiskLevel.Low => InfraText.RiskExport_LetterLow,
        _ => "—",
    };

    private static string Arrow(int? change) => change switch
    {
        > 0 => "↑",
        < 0 => "↓",
        _ => "",
    };

    private static string Count(int n) => n.ToString(Ru);
}
