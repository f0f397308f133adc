using Npgsql;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Testing;

/// <summary>
/// The PostgreSQL server of a test project's run: TIKIYA_TEST_DATABASE_URL's server when set (its role needs CREATEDB),
/// otherwise a throwaway cluster that scripts/postgres starts in a temporary folder on a free port and that is removed
/// at the end.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static TestDatabase? _current;

    private readonly string? _clusterDirectory;
    private readonly bool _dropOnDispose;

    private TestDatabase(string url, string? clusterDirectory, bool dropOnDispose = false)
    {
        Url = url;
        _clusterDirectory = clusterDirectory;
        _dropOnDispose = dropOnDispose;
    }

    /// <summary>
    /// The database the shared app runs on: on the throwaway cluster a URL, so the fixture exercises that form; on
    /// TIKIYA_TEST_DATABASE_URL's server a new database of this run's, so that two test projects run at once
    /// (<c>dotnet test</c> on the solution) never empty each other's tables.
    /// </summary>
    public string Url { get; }

    /// <summary>The server this test process started (each test project runs in a process of its own).</summary>
    public static TestDatabase Current =>
        _current ?? throw new InvalidOperationException("No test database was started in this process (TestSetup).");

    /// <summary>Starts the server of this test process: <see cref="Current"/> from then on.</summary>
    public static async Task<TestDatabase> StartAsync(string? url)
    {
        _current = await StartServerAsync(url);
        return _current;
    }

    private static async Task<TestDatabase> StartServerAsync(string? url)
    {
        if (!string.IsNullOrWhiteSpace(url))
        {
            return new TestDatabase(await new TestDatabase(url, null).CreateDatabaseAsync(), null, dropOnDispose: true);
        }

        var directory = Path.Combine(Path.GetTempPath(), $"tikiya-tests-{Guid.NewGuid():N}");
        var result = await ProcessRunner.RunAsync(RepositoryPaths.Script("postgres"),
            ["start", directory, FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture), "--fast"]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/postgres could not start a test cluster: {result.StandardError}");
        }

        return new TestDatabase(result.StandardOutput.Trim().Split('\n')[^1], directory);
    }

    /// <summary>A new empty database on the same server, as an Npgsql key=value connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"tikiya_test_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
        var connectionString = DatabaseConnectionString.Parse(Url);
        connectionString.Database = name;
        return connectionString.ConnectionString;
    }

    public Task DropDatabaseAsync(string connectionString) =>
        ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dropOnDispose)
        {
            await DropDatabaseAsync(Url);
        }

        if (_clusterDirectory is null)
        {
            return;
        }

        await ProcessRunner.RunAsync(RepositoryPaths.Script("postgres"), ["stop", _clusterDirectory]);
        Directory.Delete(_clusterDirectory, recursive: true);
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        var connectionString = DatabaseConnectionString.Parse(Url);
        connectionString.Database = "postgres";
        connectionString.Pooling = false;
        await using var connection = new NpgsqlConnection(connectionString.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

}
