using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Access;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Schools;
using static SchoolSupport.Infrastructure.Structure.RegistryColumns;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Structure;

/// <summary>The whole registry of the region in the import's own format, closed schools included: export → import changes nothing.</summary>
public sealed class RegistryExports(IDbContextFactory<AppDbContext> dbs, ICurrentScope current)
{
    public async Task WriteAsync(bool csv, Stream output, CancellationToken ct = default)
    {
        var scope = current.RequireRole(Roles.Admin);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var schools = await db.Schools.AsNoTracking().VisibleTo(scope, db).Include(s => s.Municipality).Include(s => s.Profiles)
            .OrderBy(s => s.Code).ToListAsync(ct);
        var codes = schools.ToDictionary(s => s.Id, s => s.Code);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var s in schools)
        {
            string[] registry =
            [
                s.Code, s.FullName, s.ShortName, s.Municipality!.Code, s.Address, Titles.Of(s.Locality), Titles.Of(s.Levels),
                YesNo(s.AdvancedStudy), s.Enrolment.ToString(Russian), YesNo(s.IsInnovationSite), Titles.Of(s.Leader),
                YesNo(s.IsConsultingCentre), YesNo(s.Is500Plus), Date(s.ClosedOn), s.MergedIntoId is { } m ? codes.GetValueOrDefault(m, "") : "",
            ];
            if (s.Profiles.Count == 0) rows.Add([.. registry, .. Enumerable.Repeat("", All.Count - YearAt)]);
            foreach (var p in s.Profiles.OrderBy(p => p.Year))
            {
                rows.Add([.. registry, p.Year.ToString(Russian), Number(p.StaffingPercent), p.Vacancies.ToString(Russian), Number(p.TeachersAverageAge),
                    Number(p.DisabledStudentsShare), Number(p.NonNativeSpeakersShare), Number(p.ParentsHigherEducationShare),
                    Number(p.UnemployedParentsShare), Number(p.RegisteredStudentsShare), YesNo(p.HasInternet), Number(p.OlympiadShare),
                    Number(p.ContinuingToGrade10Share)]);
            }
        }
        await Task.Run(() => SmallTable.Write(All, rows, csv, output, InfraText.School_RegistryTitle), ct);
    }
}
