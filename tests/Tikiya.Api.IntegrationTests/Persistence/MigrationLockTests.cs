using Npgsql;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Api.IntegrationTests.Persistence;

/// <summary>The migrator in the running app gives EF Core's migration lock back: another instance can migrate next.</summary>
public sealed class MigrationLockTests
{
    [Test]
    public async Task Migrate_InARunningApp_ReleasesTheLockWhenDone()
    {
        await DatabaseMigrator.MigrateAsync(TestSetup.Factory.Services, CancellationToken.None);

        var connectionString = new NpgsqlConnectionStringBuilder(DatabaseConnectionString.Parse(TestSetup.Database.Url).ConnectionString)
        {
            Pooling = false,
        };
        Assert.That(await MigrationHistory.IsLockFreeAsync(connectionString.ConnectionString), Is.True, "another instance could migrate now");
    }
}
