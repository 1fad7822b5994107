using SchoolSupport.Domain.Common;
using SchoolSupport.Infrastructure.Data;

namespace SchoolSupport.Tests.Support;

/// <summary>A database of the test class's own (use as IClassFixture).</summary>
public class DatabaseFixture : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public virtual async Task InitializeAsync() => ConnectionString = await TestCluster.CreateDatabaseAsync(GetType().Name);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    public AppDbContext System() => TestCluster.CreateContext(ConnectionString, SystemScope.Instance);

    public AppDbContext As(UserScope scope) => TestCluster.CreateContext(ConnectionString, new FixedScope(scope));
}
