using Microsoft.EntityFrameworkCore;

namespace SchoolSupport.Infrastructure.Data;

/// <summary>Contexts that see every region: for background jobs, migrations and seeding, never for pages.</summary>
public sealed class SystemDb(DbContextOptions<AppDbContext> options)
{
    public AppDbContext Create() => new(options, SystemScope.Instance);
}
