using Npgsql;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Api.IntegrationTests.Persistence;

/// <summary>The migrator in the running app gives its advisory lock back: another instance can migrate next.</summary>
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
        await using var connection = new NpgsqlConnection(connectionString.ConnectionString);
        await connection.OpenAsync();
        await using var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock(x'74696b697961'::bigint)", connection);
        Assert.That(await tryLock.ExecuteScalarAsync(), Is.True, "another instance could migrate now");
    }
}
