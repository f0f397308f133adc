using Npgsql;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Persistence;

/// <summary>A database left with a <c>users</c> table by an older deployment is refused with the guard's message.</summary>
public sealed class SchemaGuardTests
{
    private string _database = null!;

    [SetUp]
    public async Task CreateDatabaseAsync() => _database = await TestSetup.Database.CreateDatabaseAsync();

    [TearDown]
    public async Task DropDatabaseAsync() => await TestSetup.Database.DropDatabaseAsync(_database);

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
        Assert.That(await MigrationHistory.CountAsync(_database), Is.LessThanOrEqualTo(0), "no migration recorded");
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

        var result = await ApiProcess.RunAsync(new Dictionary<string, string>
        {
            ["DATABASE_URL"] = _database,
            ["JWT_SECRET"] = ApiProcess.ValidJwtSecret,
        });

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.StandardError, Does.Contain("users.id is integer (expected uuid)"));
        Assert.That(result.StandardOutput, Does.Not.Contain("Now listening"));
    }

    [Test]
    public async Task Migrate_TwoInstancesAtOnce_ApplyEachMigrationOnce()
    {
        var results = await Task.WhenAll(MigrateAsync(), MigrateAsync());

        Assert.That(results.Select(r => r.ExitCode), Is.All.Zero, string.Join("\n", results.Select(r => r.StandardError)));
        Assert.That(await MigrationHistory.CountAsync(_database), Is.EqualTo(MigrationHistory.KnownMigrations.Count));
        Assert.That(await ScalarAsync("SELECT data_type FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'id'"),
            Is.EqualTo("uuid"));
    }

    private Task<ProcessResult> MigrateAsync() => ApiProcess.RunAsync(
        new Dictionary<string, string> { ["DATABASE_URL"] = _database, ["JWT_SECRET"] = ApiProcess.ValidJwtSecret }, "migrate");

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
