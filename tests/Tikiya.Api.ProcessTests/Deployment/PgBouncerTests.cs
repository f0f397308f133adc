using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using Tikiya.Api.ProcessTests.Infrastructure;
using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Api.ProcessTests.Deployment;

/// <summary>
/// docs/deployment.md's "Scale out", end to end: two instances of the published binary behind nginx, on PgBouncer 1.18
/// in transaction pooling mode with fewer server connections than the instances' pools, so that each transaction may
/// run on any server connection. Whatever the API kept on a session between transactions would show here.
/// </summary>
public sealed class PgBouncerTests : SharedDatabaseTest
{
    // Fewer than the four migrating instances below, and far fewer than the two instances' 2 x 10 connections.
    private const int ServerConnections = 3;

    private static readonly Dictionary<string, string> InstanceSettings = new()
    {
        ["DATABASE_POOL_MAX"] = "10",
        // Both instances hash at once on a machine the test shares: a login may wait for its turn longer than the
        // default 2 s, and a 503 would say nothing about the pooler this test is about.
        ["PASSWORD_HASHING_WAIT_MS"] = "30000",
    };

    private static SmtpSink? _sink;
    private static RunningPgBouncer? _pgbouncer;
    private static RunningApi? _first;
    private static RunningApi? _second;
    private static RunningNginx? _nginx;

    [OneTimeSetUp]
    public static async Task StartAsync()
    {
        _sink = await SmtpSink.StartAsync();
        _pgbouncer = await RunningPgBouncer.StartAsync(TestSetup.Database.Url, ServerConnections);
        var instances = await StartInstancesAsync(_pgbouncer.DatabaseUrl(TestSetup.Database.Url),
            new Dictionary<string, string>(InstanceSettings.Concat(TestMail.SmtpSettings(_sink))));
        (_first, _second) = (instances[0], instances[1]);
        _nginx = await RunningNginx.StartAsync([_first.Port, _second.Port]);
    }

    [OneTimeTearDown]
    public static async Task StopAsync()
    {
        // Each may be missing when the set-up failed half-way; whatever started must still stop.
        foreach (var started in new IAsyncDisposable?[] { _nginx, _first, _second, _pgbouncer, _sink })
        {
            if (started is not null)
            {
                await started.DisposeAsync();
            }
        }
    }

    [SetUp]
    public void ClearSink() => _sink!.Clear();

    [Test]
    public async Task Flow_ThroughPgBouncer_Works()
    {
        using var client = _nginx!.CreateClient();
        const string email = "flow@example.com";

        await MailFlow.RegisterAsync(client, email);
        var verification = await _sink!.WaitForMessageAsync(mail => MailFlow.IsVerification(mail, email), MailFlow.Arrival);
        var verified = await client.VerifyEmailWithTokenAsync(SentMail.LinkToken(verification));
        var tokens = await client.LoginOkAsync(email);
        var refreshed = await client.RefreshOkAsync(tokens.RefreshToken);
        var emailVerified = await client.EmailVerifiedAsync(refreshed.AccessToken);
        var loggedOut = await client.LogoutAsync(refreshed.RefreshToken);

        Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(emailVerified, Is.True);
        Assert.That(loggedOut.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await client.MeAsync(refreshed.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await client.RefreshAsync(refreshed.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task LogoutAllOnOneInstance_IsRefusedOnTheOther()
    {
        const string email = "everywhere@example.com";
        var phone = await _first!.Client.RegisterAndLoginAsync(email);
        var laptop = await _second!.Client.LoginOkAsync(email);
        Assert.That((await _second!.Client.MeAsync(phone.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var response = await _first!.Client.LogoutAllAsync(laptop.AccessToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using (Assert.EnterMultipleScope())
        {
            foreach (var session in new[] { phone, laptop })
            {
                Assert.That((await _second!.Client.MeAsync(session.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
                Assert.That((await _second!.Client.RefreshAsync(session.RefreshToken)).StatusCode,
                    Is.EqualTo(HttpStatusCode.Unauthorized));
            }
        }
    }

    [Test]
    public async Task Mails_QueuedThroughBothInstances_EachArrivesOnce()
    {
        string[] emails = [.. Enumerable.Range(0, 10).Select(i => $"mail{i}@example.com")];

        await Task.WhenAll(emails.Select((email, i) => MailFlow.RegisterAsync(Instance(i).Client, email)));
        await Task.WhenAll(emails.Select(email =>
            _sink!.WaitForMessageAsync(mail => MailFlow.IsVerification(mail, email), MailFlow.Arrival)));
        // Read once no sender holds a row: a row marked sent is never sent again, so the count below is final.
        var rows = (await MailOutbox.ReadAsync(ConnectionString)).Where(row => emails.Contains(row.Recipient)).ToList();

        var received = _sink!.Messages.Where(mail => emails.Any(email => MailFlow.IsTo(mail, email))).ToList();
        Assert.That(rows, Has.Count.EqualTo(emails.Length).And.None.Matches<OutboxRow>(row => row.IsPending));
        Assert.That(received, Has.Count.EqualTo(emails.Length), "one verification mail for each account, no more");
        Assert.That(received.Select(mail => mail.MessageId), Is.Unique);
    }

    [Test]
    public async Task Burst_OfLoginsThenRefreshesAndMeOnBothInstances_AllSucceed()
    {
        string[] emails = [.. Enumerable.Range(0, 5).Select(i => $"burst{i}@example.com")];
        await Task.WhenAll(emails.Select((email, i) => MailFlow.RegisterAsync(Instance(i).Client, email)));

        var logins = await Task.WhenAll(Enumerable.Range(0, 25).Select(i => Instance(i).Client.LoginAsync(emails[i % emails.Length])));
        var sessions = await Task.WhenAll(logins.Select(response => response.Content.ReadFromJsonAsync<Tokens>()));
        // 50 requests at once, each on the other instance than its login, through 3 server connections.
        var refreshes = sessions.Select((tokens, i) => Instance(i + 1).Client.RefreshAsync(tokens!.RefreshToken));
        var mes = sessions.Select((tokens, i) => Instance(i + 1).Client.MeAsync(tokens!.AccessToken));
        var answers = await Task.WhenAll(refreshes.Concat(mes));

        Assert.That(logins.Select(response => response.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(answers.Select(response => response.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        var rotated = await Task.WhenAll(answers.Take(sessions.Length).Select(response => response.Content.ReadFromJsonAsync<Tokens>()));
        Assert.That(rotated.Select(tokens => tokens!.RefreshToken), Is.Unique);
    }

    [Test]
    public async Task Migrate_FourInstancesThroughPgBouncerOneMigrationBehind_ApplyTheLastOnce()
    {
        var database = await TestDatabase.Current.CreateDatabaseAsync();
        try
        {
            await MigrationHistory.MigrateToAsync(database, MigrationHistory.KnownMigrations[^2]); // the release before

            // Four at once through 3 server connections: one waits in PgBouncer's queue, the others on the lock.
            var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ApiProcess.MigrateAsync(_pgbouncer!.DatabaseUrl(database))));

            Assert.That(results.Select(r => r.ExitCode), Is.All.Zero, string.Join("\n", results.Select(r => r.StandardError)));
            Assert.That(await MigrationHistory.CountAsync(database), Is.EqualTo(MigrationHistory.KnownMigrations.Count));
        }
        finally
        {
            await TestDatabase.Current.DropDatabaseAsync(database);
        }
    }

    /// <summary>
    /// Why a PgBouncer deployment's DATABASE_URL carries MaxAutoPrepare=0: with the API's default (Npgsql prepares a
    /// statement at its fifth use on a connection), two instances' pools prepare statements of the same name on
    /// PgBouncer's one server connection, and their queries fail. The pools are built here as the API builds its own.
    /// </summary>
    [TestCase(true, ExpectedResult = PostgresErrorCodes.DuplicatePreparedStatement)]
    [TestCase(false, ExpectedResult = null)]
    public async Task<string?> Queries_OfTwoInstancesThroughOneServerConnection_FailWithPreparedStatementsOnly(bool preparedStatements)
    {
        await using var pgbouncer = await RunningPgBouncer.StartAsync(TestSetup.Database.Url, poolSize: 1);
        var url = pgbouncer.DatabaseUrl(TestSetup.Database.Url, preparedStatements);
        await using var first = NpgsqlDataSourceFactory.Create(Options.Create(new DatabaseOptions { Url = url }));
        await using var second = NpgsqlDataSourceFactory.Create(Options.Create(new DatabaseOptions { Url = url }));

        try
        {
            for (var use = 0; use < 10; use++)
            {
                foreach (var instance in new[] { first, second })
                {
                    await using var query = instance.CreateCommand("SELECT count(*) FROM users");
                    await query.ExecuteScalarAsync();
                }
            }

            return null;
        }
        catch (PostgresException e)
        {
            return e.SqlState;
        }
    }

    private static RunningApi Instance(int i) => i % 2 == 0 ? _first! : _second!;

    /// <summary>Two instances started together (they migrate at once, through PgBouncer too); none left behind on failure.</summary>
    private static async Task<RunningApi[]> StartInstancesAsync(string databaseUrl, IReadOnlyDictionary<string, string> settings)
    {
        Task<RunningApi>[] starting = [RunningApi.StartAsync(databaseUrl, settings), RunningApi.StartAsync(databaseUrl, settings)];
        try
        {
            return await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(start => start.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }
    }
}
