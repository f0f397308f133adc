using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Sessions;

namespace Tikiya.Api.IntegrationTests.Auth;

/// <summary>
/// API.md v1.1: a session ends at the latest SESSION_MAX_LIFETIME_SECS (90 days by default) after its login, however
/// often it is refreshed. The rotation's SQL and the domain's <see cref="Session.RefreshTokenExpiry"/> must agree.
/// </summary>
public sealed class SessionLifetimeTests : ApiTest
{
    private static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(30);
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(90);

    [Test]
    public async Task Refresh_PastTheAbsoluteEnd_Returns401HoweverOftenRefreshed()
    {
        var (login, tokens) = await LoginAndRefreshUntilAsync(TimeSpan.FromDays(87));
        Factory.Clock.Advance(login + MaxLifetime - Factory.Clock.GetUtcNow());

        var response = await Client.RefreshAsync(tokens.RefreshToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Test]
    public async Task Refresh_JustBeforeTheAbsoluteEnd_Succeeds()
    {
        var (_, tokens) = await LoginAndRefreshUntilAsync(MaxLifetime - TimeSpan.FromSeconds(1));

        Assert.That((await Client.MeAsync(tokens.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase(10, Description = "early: a full refresh token lifetime")]
    [TestCase(80, Description = "late: cut at the absolute end")]
    public async Task Refresh_StoresTheExpiryTheDomainComputes(int day)
    {
        var (login, tokens) = await LoginAndRefreshUntilAsync(TimeSpan.FromDays(day));
        var refreshedAt = Factory.Clock.GetUtcNow();

        var session = await QueryAsync(db => db.Sessions.AsNoTracking().SingleAsync());

        var expected = session.RefreshTokenExpiry(refreshedAt, RefreshTokenLifetime, MaxLifetime);
        Assert.That(session.ExpiresAt, Is.EqualTo(expected));
        Assert.That(expected, Is.EqualTo(day < 60 ? refreshedAt + RefreshTokenLifetime : login + MaxLifetime));
        Assert.That((await Client.SessionsOkAsync(tokens.AccessToken)).Single().ExpiresAt, Is.EqualTo(expected));
    }

    [Test]
    public async Task AccessToken_AtTheAbsoluteEnd_Returns401BeforeItExpires()
    {
        var (login, tokens) = await LoginAndRefreshUntilAsync(MaxLifetime - TimeSpan.FromMinutes(5));
        Factory.Clock.Advance(login + MaxLifetime - Factory.Clock.GetUtcNow()); // the access token has 10 minutes left

        var response = await Client.MeAsync(tokens.AccessToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
    }

    /// <summary>
    /// A session from before the absolute end existed, its expiry pushed past its login + 90 days by refreshes (here
    /// written straight into its row): it ends at its login + 90 days all the same, for the list, refresh and the
    /// per-request check alike.
    /// </summary>
    [Test]
    public async Task SessionFromBeforeTheAbsoluteEnd_EndsAtItsLoginPlusTheMaxLifetime()
    {
        var user = await new UserBuilder().SaveAsync(Factory.Services);
        var phone = await Client.LoginOkAsync();
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IApplicationDbContext>().Sessions
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresAt, x => x.CreatedAt + TimeSpan.FromDays(120)));
        }

        Factory.Clock.Advance(MaxLifetime);
        var laptop = await Client.LoginOkAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await Client.RefreshAsync(phone.RefreshToken)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await Client.MeAsync(NewAccessToken(user.Id, phone.SessionId))).StatusCode,
                Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await Client.SessionsOkAsync(laptop.AccessToken)).Select(s => s.Id), Is.EqualTo(new[] { laptop.SessionId }));
        }
    }

    [Test]
    public async Task MaxLifetime_FromTheSetting_EndsTheSession()
    {
        await using var app = await IsolatedApp.StartAsync(new Dictionary<string, string> { ["SESSION_MAX_LIFETIME_SECS"] = "3600" });
        await new UserBuilder().SaveAsync(app.Services);
        var login = app.Clock.GetUtcNow();
        var tokens = await app.Client.LoginOkAsync();
        var listed = (await app.Client.SessionsOkAsync(tokens.AccessToken)).Single();
        app.Clock.Advance(TimeSpan.FromHours(1));

        var refreshed = await app.Client.RefreshAsync(tokens.RefreshToken);

        Assert.That(listed.ExpiresAt, Is.EqualTo(login + TimeSpan.FromHours(1)));
        await ProblemAssert.IsProblemAsync(refreshed, HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    /// <summary>Logs in, then refreshes as a client that is used often does, the last time <paramref name="sinceLogin"/> after login.</summary>
    private async Task<(DateTimeOffset Login, Tokens Tokens)> LoginAndRefreshUntilAsync(TimeSpan sinceLogin)
    {
        var login = Factory.Clock.GetUtcNow();
        var tokens = await Client.SaveUserAndLoginAsync(Factory.Services);
        var step = TimeSpan.FromDays(29); // within the refresh token's 30 days
        while (login + sinceLogin - Factory.Clock.GetUtcNow() is var left && left > TimeSpan.Zero)
        {
            Factory.Clock.Advance(left < step ? left : step);
            tokens = await Client.RefreshOkAsync(tokens.RefreshToken);
        }

        return (login, tokens);
    }

    private static string NewAccessToken(Guid userId, Guid sessionId) =>
        Factory.Services.GetRequiredService<ITokenIssuer>().Issue(userId, sessionId, secondFactor: false, "unused", Factory.Clock.GetUtcNow()).AccessToken;
}
