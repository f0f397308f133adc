using System.Diagnostics;
using System.Security.Cryptography;
using Npgsql;
using Tikiya.Application.Auth.Refresh;
using Tikiya.Infrastructure.Persistence;
using Tikiya.Infrastructure.Sessions;

namespace Tikiya.Bench;

/// <summary>
/// The database's ceiling for refresh and for <c>me</c>: the SQL the API sends for them (for refresh, the statement
/// of <see cref="SessionRotation"/> itself; for <c>me</c>, EF Core's from the API's command log, text unchanged), run straight through Npgsql by --concurrency workers sharing a pool of --pool-max
/// connections, as the API's requests share theirs. Its rows live in a schema of its own, <c>tikiya_bench</c>, made
/// with the API's tables as templates (same columns, indexes and foreign keys) and dropped at the end, so the API's
/// users and sessions are never touched; the statements reach it through the connection's search_path.
/// </summary>
internal static class SqlBenchmark
{
    private const string Schema = "tikiya_bench";

    // `me`: IsSessionActiveHandler (on every authenticated request), then GetMeHandler, each on a pooled connection.
    private const string SessionActive = """
        SELECT EXISTS (
            SELECT 1
            FROM sessions AS s
            WHERE s.id = @query_SessionId AND s.user_id = @query_UserId AND s.revoked_at IS NULL AND s.expires_at > @now)
        """;

    private const string GetMe = """
        SELECT u.id, u.created_at, u.email, u.normalized_email, u.password_hash
        FROM users AS u
        WHERE u.id = @query_UserId
        LIMIT 2
        """;

    private static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(30);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(CommandLine options, CancellationToken cancellationToken)
    {
        var seconds = options.GetInt("seconds", 10, 1, 600);
        var poolMax = options.GetInt("pool-max", 20, 1, 10_000);
        var concurrency = options.GetInt("concurrency", poolMax, 1, 10_000);
        var sessions = options.GetInt("sessions", Math.Max(2_000, concurrency * 20), 1, 1_000_000);
        var output = options.Get("out");
        options.ThrowIfUnused();

        var url = Environment.GetEnvironmentVariable("DATABASE_URL");
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new UsageException("DATABASE_URL is not set");
        }

        // The API's own parsing and pool settings (NpgsqlDataSourceFactory), plus the schema of the benchmark's rows.
        var connectionString = DatabaseConnectionString.Parse(url);
        connectionString.MaxPoolSize = poolMax;
        connectionString.MinPoolSize = Math.Min(connectionString.MinPoolSize, poolMax);
        connectionString.Timeout = 5;
        connectionString.CommandTimeout = 30;
        connectionString.ApplicationName = "tikiya-bench";
        var adminConnectionString = connectionString.ConnectionString;
        connectionString.SearchPath = Schema;

        await using var admin = NpgsqlDataSource.Create(adminConnectionString);
        await using var dataSource = NpgsqlDataSource.Create(connectionString.ConnectionString);
        try
        {
            var serverVersion = await SetUpAsync(admin, sessions, cancellationToken);
            var rows = await LoadSessionsAsync(dataSource, cancellationToken);
            await Console.Error.WriteLineAsync(
                $"sql: {rows.Count} sessions seeded in schema {Schema}; {concurrency} workers, pool of {poolMax}, {seconds} s each");

            var duration = TimeSpan.FromSeconds(seconds);
            var refresh = await MeasureAsync("refresh", rows, concurrency, duration,
                (session, _, token) => RefreshAsync(dataSource, session, token), cancellationToken);
            var me = await MeasureAsync("me", rows, concurrency, duration,
                (_, random, token) => MeAsync(dataSource, rows[random.Next(rows.Count)], token), cancellationToken);

            var result = new SqlResult(serverVersion, concurrency, poolMax, rows.Count, refresh, me);
            await Json.WriteAsync(result, output, cancellationToken);
        }
        finally
        {
            await using var connection = await admin.OpenConnectionAsync(CancellationToken.None);
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>The benchmark's schema, from the API's tables (so the API must have migrated), and its rows: one
    /// session per user, each at its first generation with its current token's hash.</summary>
    private static async Task<string> SetUpAsync(NpgsqlDataSource admin, int sessions, CancellationToken cancellationToken)
    {
        await using var connection = await admin.OpenConnectionAsync(cancellationToken);
        await using var version = new NpgsqlCommand("SHOW server_version", connection);
        var serverVersion = (string?)await version.ExecuteScalarAsync(cancellationToken) ?? "";

        var sql = $"""
            DROP SCHEMA IF EXISTS {Schema} CASCADE;
            CREATE SCHEMA {Schema};
            CREATE TABLE {Schema}.users (LIKE users INCLUDING ALL);
            CREATE TABLE {Schema}.sessions (LIKE sessions INCLUDING ALL);
            CREATE TABLE {Schema}.refresh_tokens (LIKE refresh_tokens INCLUDING ALL);
            ALTER TABLE {Schema}.sessions ADD FOREIGN KEY (user_id) REFERENCES {Schema}.users (id) ON DELETE CASCADE;
            ALTER TABLE {Schema}.refresh_tokens ADD FOREIGN KEY (session_id) REFERENCES {Schema}.sessions (id) ON DELETE CASCADE;
            INSERT INTO {Schema}.users (id, email, normalized_email, password_hash, created_at)
                SELECT gen_random_uuid(), 'bench-' || i || '@example.com', 'bench-' || i || '@example.com',
                       '$argon2id$v=19$m=19456,t=2,p=1$YmVuY2hiZW5jaGJlbmNoYg$YmVuY2hiZW5jaGJlbmNoYmVuY2hiZW5jaGJlbmNoYg', now()
                FROM generate_series(1, @sessions) AS i;
            INSERT INTO {Schema}.sessions (id, user_id, created_at, expires_at, user_agent, ip_address, refresh_generation,
                                           refresh_token_hash)
                SELECT gen_random_uuid(), u.id, now(), now() + interval '30 days', 'tikiya-bench', inet '127.0.0.1', 1,
                       sha256(convert_to(gen_random_uuid()::text, 'UTF8'))
                FROM {Schema}.users AS u;
            ANALYZE {Schema}.users, {Schema}.sessions, {Schema}.refresh_tokens;
            """;
        await using var setUp = new NpgsqlCommand(sql, connection);
        setUp.Parameters.Add(new NpgsqlParameter<int>("sessions", sessions));
        try
        {
            await setUp.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            throw new BenchmarkException("the API's tables are missing: start the API (it migrates) before this command", e);
        }

        return serverVersion;
    }

    private static async Task<List<BenchSession>> LoadSessionsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var select = new NpgsqlCommand(
            "SELECT s.id, s.user_id, s.refresh_token_hash, s.refresh_generation FROM sessions AS s", connection);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var rows = new List<BenchSession>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new BenchSession(reader.GetGuid(0), reader.GetGuid(1), reader.GetFieldValue<byte[]>(2), reader.GetInt64(3)));
        }

        return rows;
    }

    /// <summary>One refresh as RefreshHandler does it: one statement, that rotates the session's row.</summary>
    private static async Task RefreshAsync(NpgsqlDataSource dataSource, BenchSession session, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var nextHash = SHA256.HashData(RandomNumberGenerator.GetBytes(32));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var rotate = new NpgsqlCommand(SessionRotation.Sql, connection);
        rotate.Parameters.AddRange(SessionRotation.Parameters(
            new RotationClaim(session.Id, session.Generation, session.CurrentTokenHash), nextHash, now, now + RefreshTokenLifetime));
        await using var reader = await rotate.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || !reader.GetBoolean(2))
        {
            throw new BenchmarkException("refresh: the session is not in the state the benchmark left it in (two workers on one session?)");
        }

        session.CurrentTokenHash = nextHash;
        session.Generation++;
    }

    /// <summary>One <c>me</c> as the API does it: the session check of the bearer token, then the user, each on a
    /// connection taken from the pool and given back.</summary>
    private static async Task MeAsync(NpgsqlDataSource dataSource, BenchSession session, CancellationToken cancellationToken)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await using var check = new NpgsqlCommand(SessionActive, connection);
            check.Parameters.Add(new NpgsqlParameter<Guid>("query_SessionId", session.Id));
            check.Parameters.Add(new NpgsqlParameter<Guid>("query_UserId", session.UserId));
            check.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", DateTimeOffset.UtcNow));
            if (await check.ExecuteScalarAsync(cancellationToken) is not true)
            {
                throw new BenchmarkException("me: a seeded session is not active");
            }
        }

        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await using var select = new NpgsqlCommand(GetMe, connection);
            select.Parameters.Add(new NpgsqlParameter<Guid>("query_UserId", session.UserId));
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new BenchmarkException("me: a seeded user was not found");
            }

            _ = reader.GetGuid(0);
            _ = reader.GetFieldValue<DateTimeOffset>(1);
            _ = reader.GetString(2);
            _ = reader.GetString(3);
            _ = reader.GetString(4);
        }
    }

    /// <summary>--concurrency workers call <paramref name="operation"/> in a loop: a warm-up second (not counted,
    /// it fills the pool), then <paramref name="duration"/>. Worker w owns sessions w, w+C, w+2C... so no two
    /// workers rotate the same session (which would be a conflict, not throughput).</summary>
    private static async Task<SqlOperationResult> MeasureAsync(string name, List<BenchSession> sessions, int concurrency,
        TimeSpan duration, Func<BenchSession, Random, CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        if (sessions.Count < concurrency)
        {
            throw new BenchmarkException($"{name}: fewer sessions ({sessions.Count}) than workers ({concurrency})");
        }

        var workers = Enumerable.Range(0, concurrency).Select(async w =>
        {
            await Task.Yield();
            var own = sessions.Where((_, i) => i % concurrency == w).ToArray();
            var random = new Random(w);
            var next = 0;
            var latencies = new List<double>();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < WarmUp)
            {
                await operation(own[next++ % own.Length], random, cancellationToken);
            }

            clock.Restart();
            while (clock.Elapsed < duration)
            {
                var start = clock.Elapsed;
                await operation(own[next++ % own.Length], random, cancellationToken);
                latencies.Add((clock.Elapsed - start).TotalMilliseconds);
            }

            return (Operations: latencies.Count, clock.Elapsed, Latencies: latencies);
        }).ToList();

        var results = await Task.WhenAll(workers);
        var perSecond = results.Sum(r => r.Operations / r.Elapsed.TotalSeconds);
        var result = new SqlOperationResult(Math.Round(results.Max(r => r.Elapsed.TotalSeconds), 2), results.Sum(r => r.Operations),
            Math.Round(perSecond, 1), Latency.Of([.. results.SelectMany(r => r.Latencies)]));
        await Console.Error.WriteLineAsync($"sql: {name}: {result.OpsPerSecond} operations/s, p99 {result.LatencyMs.P99} ms");
        return result;
    }

    private sealed class BenchSession(Guid id, Guid userId, byte[] currentTokenHash, long generation)
    {
        public Guid Id { get; } = id;

        public Guid UserId { get; } = userId;

        public byte[] CurrentTokenHash { get; set; } = currentTokenHash;

        public long Generation { get; set; } = generation;
    }
}

internal sealed record SqlOperationResult(double Seconds, long Operations, double OpsPerSecond, Latency LatencyMs);

internal sealed record SqlResult(
    string ServerVersion,
    int Concurrency,
    int PoolMax,
    int Sessions,
    SqlOperationResult Refresh,
    SqlOperationResult Me);
