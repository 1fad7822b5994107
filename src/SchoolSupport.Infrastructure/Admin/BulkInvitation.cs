using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Domain.Mentoring;
using SchoolSupport.Infrastructure.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Identity;
using SchoolSupport.Infrastructure.Results;
using SchoolSupport.Infrastructure.Structure;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Admin;

/// <summary>One checked row of an invitation file: who is invited, with which role, where, and (a mentor) which schools.</summary>
public sealed record InvitationRow(int Row, string Email, string FullName, string Role, Guid? MunicipalityId, Guid? SchoolId, IReadOnlyList<Guid> MentorSchoolIds);

/// <summary>A checked invitation file: the rows, every error by row; only a file without errors can be written.</summary>
public sealed record InvitationPreview(Guid RegionId, string FileName, IReadOnlyList<InvitationRow> Rows, IReadOnlyList<ImportError> Errors)
{
    public bool CanCommit => Errors.Count == 0 && Rows.Count > 0;
}

public sealed record InvitationOutcome(int Invited, int MentorAssignments);

/// <summary>
/// The regional administrator invites many people from XLSX/CSV: the file is checked whole first (preview of row errors in
/// Russian), then every account (and a mentor's school assignments) is created in one transaction, all or nothing; the
/// invitation mails leave only after the transaction commits. Each account goes through <see cref="InviteUser"/>.
/// Role names in the file are the Russian names of the interface: the page passes them (<c>roleTitle</c>).
/// </summary>
public sealed class BulkInvitation(AppDbContext db, InviteUser invite, ICurrentScope current, TimeProvider clock, ImportLimits limits)
{
    public const string EmailColumn = "E-mail";
    public static string NameColumn => InfraText.BulkInvite_ColumnName;
    public static string RoleColumn => InfraText.Common_Role;
    public static string MunicipalityColumn => InfraText.Common_MunicipalityCode;
    public static string SchoolColumn => InfraText.BulkInvite_ColumnSchool;
    public static string MentorSchoolsColumn => InfraText.BulkInvite_ColumnMentorSchools;
    public static string Title => InfraText.BulkInvite_Title;
    /// <summary>One file invites at most this many people: every invitation is a mail sent while the administrator waits.</summary>
    public const int MaxRows = 1000;
    public static string MentorResponsibilities => InfraText.BulkInvite_MentorResponsibilities;

    public static IReadOnlyList<string> Columns { get; } = [EmailColumn, NameColumn, RoleColumn, MunicipalityColumn, SchoolColumn, MentorSchoolsColumn];

    public static void WriteTemplate(bool csv, Stream output, Func<string, string> roleTitle) =>
        SmallTable.Write(Columns,
        [
            ["ivanova@example.ru", InfraText.BulkInvite_ExampleName1, roleTitle(Roles.Municipal), "MO-01", "", ""],
            ["petrov@example.ru", InfraText.BulkInvite_ExampleName2, roleTitle(Roles.School), "", "SCH-001", ""],
            ["sidorova@example.ru", InfraText.BulkInvite_ExampleName3, roleTitle(Roles.Mentor), "", "", "SCH-001;SCH-002"],
            ["orlov@example.ru", InfraText.BulkInvite_ExampleName4, roleTitle(Roles.Operator), "", "", ""],
        ], csv, output, Title);

    public async Task<InvitationPreview> PrepareAsync(Stream content, string fileName, Func<string, string> roleTitle, CancellationToken ct = default)
    {
        var admin = current.RequireRole(Roles.Admin);
        var table = SmallTable.Read(content, fileName, limits, Columns, Title);
        if (table.Count > MaxRows) throw new BadFileException(InfraFormat.Of(InfraText.BulkInvite_TooManyRows, table.Count, MaxRows));
        var roles = Roles.All.SelectMany(r => new[] { (Key: Normalize(roleTitle(r)), Role: r), (Key: Normalize(r), Role: r) })
            .DistinctBy(x => x.Key).ToDictionary(x => x.Key, x => x.Role);
        var municipalities = await db.Municipalities.IgnoreQueryFilters().AsNoTracking()
            .Select(m => new { m.Id, m.Code, m.Name, m.RegionId, m.IsActive }).ToListAsync(ct);
        var schools = await db.Schools.IgnoreQueryFilters().AsNoTracking()
            .Select(s => new { s.Id, s.Code, s.ShortName, s.RegionId, s.ClosedOn }).ToListAsync(ct);
        var emails = table.Select(t => t.Cells[0].ToUpperInvariant()).Where(e => e.Length > 0).Distinct().ToList();
        var existing = (await db.Users.IgnoreQueryFilters().Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => u.NormalizedEmail!).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);

        var errors = new List<ImportError>();
        var rows = new List<InvitationRow>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, cells) in table)
        {
            var (email, name, roleText, municipalityCode, schoolCode, mentorCodes) = (cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]);
            var before = errors.Count;
            void Error(string message) => errors.Add(new ImportError(row, message));

            if (email.Length == 0) Error(InfraText.BulkInvite_EmailMissing);
            else if (!InviteUser.IsEmail(email)) Error(InfraFormat.Of(InfraText.BulkInvite_EmailInvalid, Echo(email)));
            else if (seen.TryGetValue(email, out var first)) Error(InfraFormat.Of(InfraText.BulkInvite_EmailRepeated, email, first));
            else if (existing.Contains(email.ToUpperInvariant())) Error(InfraFormat.Of(InfraText.User_EmailTaken, email));
            if (email.Length > 0) seen.TryAdd(email, row);
            if (name.Length == 0) Error(InfraText.BulkInvite_NameMissing);
            else if (name.Length > 200) Error(InfraText.BulkInvite_NameTooLong);

            string? role = null;
            if (roleText.Length == 0) Error(InfraText.BulkInvite_RoleMissing);
            else if (!roles.TryGetValue(Normalize(roleText), out role))
                Error(InfraFormat.Of(InfraText.BulkInvite_UnknownRole, Echo(roleText), string.Join(", ", Roles.All.Select(r => $"«{roleTitle(r)}»"))));

            Guid? municipalityId = null, schoolId = null;
            var mentorSchools = new List<Guid>();
            if (role == Roles.Municipal)
            {
                if (municipalityCode.Length == 0) Error(InfraFormat.Of(InfraText.BulkInvite_MunicipalityRequired, roleTitle(role)));
                else
                {
                    var own = municipalities.FirstOrDefault(m => m.RegionId == admin.RegionId && string.Equals(m.Code, municipalityCode, StringComparison.OrdinalIgnoreCase));
                    if (own is not null && !own.IsActive) Error(InfraFormat.Of(InfraText.Common_MunicipalityInactive, own.Name));
                    else if (own is not null) municipalityId = own.Id;
                    else if (municipalities.Any(m => string.Equals(m.Code, municipalityCode, StringComparison.OrdinalIgnoreCase)))
                        Error(InfraFormat.Of(InfraText.BulkInvite_MunicipalityOtherRegion, Echo(municipalityCode)));
                    else Error(InfraFormat.Of(InfraText.BulkInvite_MunicipalityNotFound, Echo(municipalityCode)));
                }
            }
            else if (municipalityCode.Length > 0 && role is not null)
                Error(InfraFormat.Of(InfraText.BulkInvite_MunicipalityOnlyFor, roleTitle(Roles.Municipal)));

            Guid? School(string code)
            {
                var own = schools.FirstOrDefault(s => s.RegionId == admin.RegionId && string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase));
                if (own is not null && own.ClosedOn is not null) Error(InfraFormat.Of(InfraText.BulkInvite_SchoolClosed, own.ShortName, own.Code));
                else if (own is not null) return own.Id;
                else if (schools.Any(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase)))
                    Error(InfraFormat.Of(InfraText.BulkInvite_SchoolOtherRegion, Echo(code)));
                else Error(InfraFormat.Of(InfraText.BulkInvite_SchoolNotFound, Echo(code)));
                return null;
            }

            if (role == Roles.School)
            {
                if (schoolCode.Length == 0) Error(InfraFormat.Of(InfraText.BulkInvite_SchoolRequired, roleTitle(role)));
                else schoolId = School(schoolCode);
            }
            else if (schoolCode.Length > 0 && role is not null)
                Error(InfraFormat.Of(InfraText.BulkInvite_SchoolOnlyFor, roleTitle(Roles.School)));

            if (role == Roles.Mentor)
            {
                foreach (var code in mentorCodes.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    if (School(code) is { } id) mentorSchools.Add(id);
                }
            }
            else if (mentorCodes.Length > 0 && role is not null)
                Error(InfraFormat.Of(InfraText.BulkInvite_MentorSchoolsOnlyFor, roleTitle(Roles.Mentor)));

            if (errors.Count == before) rows.Add(new InvitationRow(row, email, name, role!, municipalityId, schoolId, mentorSchools));
        }
        if (table.Count == 0) errors.Add(new ImportError(0, InfraText.Import_NoRows));
        return new InvitationPreview(admin.RegionId, fileName, rows, errors);
    }

    public async Task<InvitationOutcome> CommitAsync(InvitationPreview preview, CancellationToken ct = default)
    {
        var admin = current.RequireRole(Roles.Admin);
        if (preview.RegionId != admin.RegionId) throw new ScopeException(InfraText.BulkInvite_OtherRegion);
        if (!preview.CanCommit) throw new DomainException(InfraText.Import_ErrorsFixAndReupload);
        var today = clock.Today();
        var yearEnd = SchoolYears.StartOf(SchoolYears.Of(today) + 1).AddDays(-1);
        var strategy = db.Database.CreateExecutionStrategy();
        var (created, assignments) = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var accounts = new List<AppUser>();
            var count = 0;
            foreach (var r in preview.Rows)
            {
                AppUser user;
                try
                {
                    user = await invite.CreateAccountAsync(new Invitation(r.Email, r.FullName, r.Role, admin.RegionId, r.MunicipalityId, r.SchoolId), admin, ct);
                }
                catch (DomainException e)
                {
                    throw new DomainException(e.Messages.Select(m => InfraFormat.Of(InfraText.Import_RowError, r.Row, m)));
                }
                accounts.Add(user);
                foreach (var schoolId in r.MentorSchoolIds)
                {
                    db.MentorAssignments.Add(new MentorAssignment
                    {
                        Id = Guid.NewGuid(), RegionId = admin.RegionId, MentorId = user.Id, MentorName = user.FullName, SchoolId = schoolId,
                        Kind = MentorKind.Mentor, From = today, To = yearEnd, Responsibilities = MentorResponsibilities, AssignedByName = admin.UserName,
                        AssignedAt = clock.GetUtcNow(),
                    });
                    count++;
                }
            }
            db.Record(admin, "import.invitations", "import", preview.FileName,
                InfraFormat.Of(InfraText.BulkInvite_Summary, preview.FileName, accounts.Count, count), clock);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (accounts, count);
        });
        // Mails only for accounts that exist: after the commit.
        foreach (var user in created) await invite.SendInvitationAsync(user, admin, ct);
        return new InvitationOutcome(created.Count, assignments);
    }

    private static string Normalize(string text) =>
        string.Join(' ', text.Replace('\u00A0', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant().Replace('\u0451', '\u0435');

    private static string Echo(string text) => text.Length > ImportLimits.EchoChars ? text[..ImportLimits.EchoChars] + "…" : text;
}
