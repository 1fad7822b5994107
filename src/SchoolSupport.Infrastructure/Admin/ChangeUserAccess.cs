using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Data;
using SchoolSupport.Infrastructure.Identity;
using SchoolSupport.Infrastructure.Resources;

namespace SchoolSupport.Infrastructure.Admin;

/// <summary>The administrator deactivates, reactivates and unlocks accounts of their region. Every change is audited.</summary>
public sealed class ChangeUserAccess(AppDbContext db, UserManager<AppUser> users, ICurrentScope current, TimeProvider clock)
{
    /// <summary>The account can no longer sign in; its session ends at the next check and its links stop working. Nothing it did is removed.</summary>
    public async Task DeactivateAsync(Guid userId, CancellationToken ct = default)
    {
        var (admin, user) = await FindAsync(userId, ct);
        if (user.Id == admin.UserId) throw new DomainException(InfraText.User_CannotDisableSelf);
        if (user.DeactivatedAt is not null) throw new DomainException(InfraFormat.Of(InfraText.User_AlreadyDisabled, user.FullName));
        user.DeactivatedAt = clock.GetUtcNow();
        await users.UpdateSecurityStampAsync(user);
        db.Record(admin, "user.deactivate", "user", user.Id, InfraFormat.Of(InfraText.User_Disabled, user.FullName), clock);
        await db.SaveChangesAsync(ct);
    }

    public async Task ReactivateAsync(Guid userId, CancellationToken ct = default)
    {
        var (admin, user) = await FindAsync(userId, ct);
        if (user.DeactivatedAt is null) throw new DomainException(InfraFormat.Of(InfraText.User_NotDisabled, user.FullName));
        user.DeactivatedAt = null;
        await users.UpdateAsync(user);
        db.Record(admin, "user.reactivate", "user", user.Id, InfraFormat.Of(InfraText.User_Enabled, user.FullName), clock);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Lifts a lockout of the account (failed sign-ins counted by Identity).</summary>
    public async Task UnlockAsync(Guid userId, CancellationToken ct = default)
    {
        var (admin, user) = await FindAsync(userId, ct);
        if (!(user.LockoutEnd > clock.GetUtcNow())) throw new DomainException(InfraFormat.Of(InfraText.User_NotLockedOut, user.FullName));
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await users.UpdateAsync(user);
        db.Record(admin, "user.unlock", "user", user.Id, InfraFormat.Of(InfraText.User_LockoutCleared, user.FullName), clock);
        await db.SaveChangesAsync(ct);
    }

    private async Task<(UserScope Admin, AppUser User)> FindAsync(Guid userId, CancellationToken ct)
    {
        var admin = current.RequireRole(Roles.Admin);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.RegionId == admin.RegionId, ct)
            ?? throw new ScopeException(InfraText.User_NotFoundInRegion);
        return (admin, user);
    }
}
