using Npgsql;
using Tikiya.Api.ProcessTests.Infrastructure;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Api.ProcessTests.Persistence;

/// <summary>Migrations: the schema guard, the migrate command, and instances that start together.</summary>
public sealed class MigrationTests : OwnDatabaseTest
{
    [Test]
    public async Task Migrate_WithIntegerUsersId_FailsWithTheGuardMessageAndChangesNothing()
    {
        await ExecuteAsync("CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL)");

        var result = await MigrateAsync();

        Assert.That(result.ExitCode, Is.Not.Zero);
        var failure = ApiProcess.ErrorLines(result, "Database migration failed:");
        Assert.That(failure, Has.Length.EqualTo(1), result.StandardError);
        Assert.That(failure[0], Does.Contain("Schema guard").And.Contain("users.id is integer (expected uuid)"));
        Assert.That(result.StandardError, Does.Not.Contain("already exists\"").And.Not.Contain("   at "));
        Assert.That(await MigrationHistory.CountAsync(Database), Is.LessThanOrEqualTo(0), "no migration recorded");
        Assert.That(await ScalarAsync("SELECT data_type FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'id'"),
            Is.EqualTo("integer"), "the old table is left as it was");
    }

    [Test]
    public async Task Migrate_WithUsersMissingColumns_NamesEachMissingColumn()
    {
        await ExecuteAsync("CREATE TABLE users (id uuid PRIMARY KEY, email varchar(254) NOT NULL)");

        var result = await MigrateAsync();

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.StandardError, Does.Contain("column users.normalized_email is missing")
            .And.Contain("column users.password_hash is missing").And.Contain("column users.created_at is missing"));
    }

    [Test]
    public async Task Migrate_WithForeignUsersOfTheRightShape_StillRefusesIt()
    {
        await ExecuteAsync("""
            CREATE TABLE users (id uuid PRIMARY KEY, email varchar(254) NOT NULL, normalized_email varchar(254) NOT NULL,
                                password_hash text NOT NULL, created_at timestamptz NOT NULL)
            """);

        var result = await MigrateAsync();

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.StandardError, Does.Contain("Schema guard").And.Contain("not created by Tikiya API's migrations"));
    }

    [Test]
    public async Task Start_WithIntegerUsersId_ExitsWithTheGuardMessageBeforeListening()
    {
        await ExecuteAsync("CREATE TABLE users (id integer PRIMARY KEY)");

        var result = await ApiProcess.RunAsync(TestMail.With(new Dictionary<string, string>
        {
            ["DATABASE_URL"] = Database,
            ["JWT_SECRET"] = ApiProcess.ValidJwtSecret,
        }));

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.StandardError, Does.Contain("users.id is integer (expected uuid)"));
        Assert.That(result.StandardOutput, Does.Not.Contain("Now listening"));
    }

    [Test]
    public async Task Migrate_SeveralInstancesAtOnce_ApplyEachMigrationOnce()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => MigrateAsync()));

        Assert.That(results.Select(r => r.ExitCode), Is.All.Zero, string.Join("\n", results.Select(r => r.StandardError)));
        Assert.That(await MigrationHistory.CountAsync(Database), Is.EqualTo(MigrationHistory.KnownMigrations.Count));
        Assert.That(await ScalarAsync("SELECT data_type FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'id'"),
            Is.EqualTo("uuid"));
        Assert.That(await MigrationHistory.DescribeSchemaAsync(Database), Is.EqualTo(await MigratedAloneSchemaAsync()));
    }

    [Test]
    public async Task Migrate_SeveralInstancesAtOnceOneMigrationBehind_ApplyTheLastOnce()
    {
        await MigrationHistory.MigrateToAsync(Database, MigrationHistory.KnownMigrations[^2]); // the release before

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => MigrateAsync()));

        Assert.That(results.Select(r => r.ExitCode), Is.All.Zero, string.Join("\n", results.Select(r => r.StandardError)));
        Assert.That(await MigrationHistory.CountAsync(Database), Is.EqualTo(MigrationHistory.KnownMigrations.Count));
        Assert.That(await MigrationHistory.DescribeSchemaAsync(Database), Is.EqualTo(await MigratedAloneSchemaAsync()));
    }

    [Test]
    public async Task Migrate_WhileAnotherInstanceMigrates_WaitsForItsTurn()
    {
        Task<ProcessResult> migrating;
        long historyWhileWaiting;
        await using (var other = await MigrationHistory.TakeLockAsync(Database))
        {
            migrating = MigrateAsync();
            await other.WaitUntilSomeoneWaitsAsync();
            historyWhileWaiting = await other.CountRowsAsync(); // read by the holder: anyone else would wait behind it
        } // the other instance is done

        var result = await migrating;

        Assert.That(historyWhileWaiting, Is.LessThanOrEqualTo(0), "nothing applied while the lock was held");
        Assert.That(result.ExitCode, Is.Zero, result.StandardError);
        Assert.That(await MigrationHistory.CountAsync(Database), Is.EqualTo(MigrationHistory.KnownMigrations.Count));
    }

    /// <summary>The schema one instance migrating alone leaves, on a database of its own.</summary>
    private static async Task<string> MigratedAloneSchemaAsync()
    {
        var alone = await TestDatabase.Current.CreateDatabaseAsync();
        try
        {
            await MigrationHistory.MigrateAsync(alone);
            return await MigrationHistory.DescribeSchemaAsync(alone);
        }
        finally
        {
            await TestDatabase.Current.DropDatabaseAsync(alone);
        }
    }

    private Task<ProcessResult> MigrateAsync() => ApiProcess.MigrateAsync(Database);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
