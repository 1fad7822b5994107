using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Identity;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Admin;

public enum AccountStatus
{
    Active,
    Invited,
    Deactivated,
}

public sealed record UserRow(Guid Id, string FullName, string Email, string Role, string Scope, bool LockedOut, AccountStatus Status);

public sealed class NewUser
{
    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.User_NameRequired))]
    [StringLength(200, ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.User_NameTooLong))]
    public string FullName { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.User_EmailRequired))]
    [EmailAddress(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.User_EmailInvalid))]
    public string Email { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(InfraText), ErrorMessageResourceName = nameof(InfraText.User_RoleRequired))]
    public string Role { get; set; } = "";

    public Guid? MunicipalityId { get; set; }
    public Guid? SchoolId { get; set; }
}

public sealed record SchoolOption(Guid Id, string Name);

/// <summary>Admin's use cases: list users of the region, change a role. Every change is audited. People are invited by <see cref="InviteUser"/>.</summary>

public sealed class UserAdministration(AppDbContext db, UserManager<AppUser> users, ICurrentScope current, TimeProvider clock)
{
    /// <summary>The region's municipalities, for the scope of a new user.</summary>
    public async Task<IReadOnlyList<SchoolSupport.Domain.Schools.Municipality>> MunicipalitiesAsync(CancellationToken ct = default)
    {
        current.RequireRole(Roles.Admin);
        return await db.Municipalities.OrderBy(m => m.Name).AsNoTracking().ToListAsync(ct);
    }

    /// <summary>Up to 20 schools of the region whose name or code contains the text, for the scope of a new user.</summary>
    public async Task<IReadOnlyList<SchoolOption>> SearchSchoolsAsync(string? text, CancellationToken ct = default)
    {
        current.RequireRole(Roles.Admin);
        var pattern = $"%{text?.Trim()}%";
        return await db.Schools.Where(s => EF.Functions.ILike(s.ShortName, pattern) || EF.Functions.ILike(s.Code, pattern))
            .OrderBy(s => s.ShortName).Take(20).Select(s => new SchoolOption(s.Id, s.ShortName)).ToListAsync(ct);
    }

    public async Task<(IReadOnlyList<UserRow> Rows, int Total)> ListAsync(string? search, int page, int pageSize, CancellationToken ct = default)
    {
        var admin = current.RequireRole(Roles.Admin);
        var query = db.Users.Where(u => u.RegionId == admin.RegionId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{search.Trim()}%";
            query = query.Where(u => EF.Functions.ILike(u.FullName, pattern) || EF.Functions.ILike(u.Email!, pattern));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(u => u.FullName).Skip(page * pageSize).Take(pageSize)
            .Select(u => new
            {
                u.Id, u.FullName, u.Email, u.LockoutEnd, u.DeactivatedAt, HasPassword = u.PasswordHash != null,
                Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
                Municipality = db.Municipalities.Where(m => m.Id == u.MunicipalityId).Select(m => m.Name).FirstOrDefault(),
                School = db.Schools.Where(s => s.Id == u.SchoolId).Select(s => s.ShortName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return (rows.Select(u => new UserRow(u.Id, u.FullName, u.Email ?? "", u.Role ?? "", u.School ?? u.Municipality ?? InfraText.Common_RegionLower,
            u.LockoutEnd > now, u.DeactivatedAt is not null ? AccountStatus.Deactivated : u.HasPassword ? AccountStatus.Active : AccountStatus.Invited)).ToList(), total);
    }

    public async Task ChangeRoleAsync(Guid userId, string role, CancellationToken ct = default)
    {
        var admin = current.RequireRole(Roles.Admin);
        if (!Roles.All.Contains(role)) throw new DomainException(InfraText.User_UnknownRole);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.RegionId == admin.RegionId, ct)
            ?? throw new ScopeException(InfraText.User_NotFoundInRegion);
        if (role == Roles.Municipal && user.MunicipalityId is null) throw new DomainException(InfraText.User_MunicipalityMissing);
        if (role == Roles.School && user.SchoolId is null) throw new DomainException(InfraText.User_SchoolMissing);
        var old = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, old);
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        db.Record(admin, "user.role", "user", user.Id, $"{user.FullName}: {string.Join(",", old)} → {role}", clock);
        await db.SaveChangesAsync(ct);
    }
}
