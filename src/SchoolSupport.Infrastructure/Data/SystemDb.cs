using Microsoft.EntityFrameworkCore;

namespace SchoolSupport.Infrastructure.Data;

/// <summary>Contexts that see every region: for background jobs, migrations and seeding, never for pages.</summary>
public sealed class SystemDb(DbContextOptions<AppDbContext> options)
{
    public AppDbContext Create() => new(options, SystemScope.Instance);

    /// <summary>Contexts for a known user outside a request (the demo seeder acting as its users): the user's region only.</summary>
    public IDbContextFactory<AppDbContext> For(ICurrentScope user) => new UserDbFactory(options, user);

    private sealed class UserDbFactory(DbContextOptions<AppDbContext> options, ICurrentScope user) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(options, user);
    }
}
