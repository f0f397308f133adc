using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Api.IntegrationTests.Auth;

/// <summary>
/// Login reserves its attempt, checks the password with nothing held, then settles (STYLE.md §7): the throttle stays
/// exact under concurrency, and no lock, transaction or connection waits on Argon2.
/// </summary>
public sealed class LoginReservationTests : ApiTest
{
    private const string WrongPassword = "wrong horse battery";

    [Test]
    public async Task Login_ManyConcurrentWrongGuesses_ChecksNoMoreThanTheLimit()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var counting = new CountingHasher(Factory.Services.GetRequiredService<IPasswordHasher>());
        await using var app = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher>(counting)));
        using var client = app.CreateClient();
        counting.Reset();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.LoginAsync(password: WrongPassword)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == HttpStatusCode.Unauthorized), Is.EqualTo(5), string.Join(", ", statuses));
        Assert.That(statuses.Count(s => s == HttpStatusCode.TooManyRequests), Is.EqualTo(15));
        Assert.That(counting.Verifications, Is.EqualTo(5), "no guess beyond the limit reached Argon2");
        var throttle = await QueryAsync(db => db.LoginThrottles.AsNoTracking().SingleAsync());
        Assert.That(throttle.AttemptsInFlight, Is.Zero);
        Assert.That(throttle.ConsecutiveFailures, Is.EqualTo(5));
    }

    [Test]
    public async Task Login_WhilePasswordIsChecked_HoldsNoLockNoTransactionAndNoConnection()
    {
        await using var app = Factory.WithWebHostBuilder(b => b.WithOneSlowHashingThread());
        using var client = app.CreateClient();

        var login = await BusyHasher.StartLoginAsync(client, app.Services);
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            // Fails at once (55P03) if the login still held its throttle row.
            await using var nowait = new NpgsqlCommand("SELECT 1 FROM login_throttles FOR UPDATE NOWAIT", connection, transaction);
            Assert.That(async () => await nowait.ExecuteScalarAsync(), Throws.Nothing);
        }

        // Not 'active': the app's background services (mail sender, purge) may be running a query of their own, and a
        // login waiting on its hash runs none; holding its connection across the hash would show as a transaction.
        await using var busy = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
            + "AND state IN ('idle in transaction', 'idle in transaction (aborted)')", connection);
        Assert.That(await busy.ExecuteScalarAsync(), Is.Zero, "the login's connection went back to the pool, idle");
        Assert.That((await login).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Login_CancelledWhileItsPasswordWaits_GivesItsPlaceBack()
    {
        await using var app = Factory.WithWebHostBuilder(b => b.WithOneSlowHashingThread().UseSetting("PASSWORD_HASHING_WAIT_MS", "5000"));
        using var client = app.CreateClient();
        var first = await BusyHasher.StartLoginAsync(client, app.Services);
        using var cancel = new CancellationTokenSource();

        var queued = client.PostAsJsonAsync("/api/v1/auth/login", new { email = UserBuilder.DefaultEmail, password = WrongPassword },
            cancel.Token);
        await WaitForAsync(async () => await QueryAsync(db => db.LoginThrottles.SumAsync(t => t.AttemptsInFlight)) == 2);
        await cancel.CancelAsync();
        Assert.That(async () => await queued, Throws.InstanceOf<OperationCanceledException>());
        await first;

        await WaitForAsync(async () => await QueryAsync(db => db.LoginThrottles.SumAsync(t => t.AttemptsInFlight)) == 0);
        Assert.That(await QueryAsync(db => db.LoginThrottles.SumAsync(t => t.ConsecutiveFailures)), Is.EqualTo(1),
            "only the login whose password was checked counts");
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "timed out");
            await Task.Delay(10);
        }
    }
}
