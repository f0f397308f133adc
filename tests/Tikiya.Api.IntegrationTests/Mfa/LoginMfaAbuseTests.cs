using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Application.Common.Interfaces;

namespace Tikiya.Api.IntegrationTests.Mfa;

/// <summary>
/// What makes a flood of second steps cheap to refuse and a code impossible to use twice (API.md v1.1): no Argon2 at
/// <c>login/mfa</c>, the login bucket of the rate limiter, and one winner among concurrent uses of one code.
/// </summary>
public sealed class LoginMfaAbuseTests : ApiTest
{
    private static DateTimeOffset Now => Factory.Clock.GetUtcNow();

    [Test]
    public async Task LoginMfa_RunsNoPasswordCheck_RightCodeOrWrong()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        var counting = new CountingHasher(Factory.Services.GetRequiredService<IPasswordHasher>());
        await using var app = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher>(counting)));
        using var client = app.CreateClient();
        var mfaToken = await client.LoginForMfaTokenAsync();
        counting.Reset();

        var wrong = await client.LoginMfaAsync(mfaToken, "abcd-efgh-jkmn");
        var right = await client.LoginMfaAsync(mfaToken, account.CodeAt(Now));

        Assert.That((wrong.StatusCode, right.StatusCode), Is.EqualTo((HttpStatusCode.Unauthorized, HttpStatusCode.OK)));
        Assert.That(counting.Verifications, Is.Zero);
    }

    [Test]
    public async Task LoginMfa_IsLimitedInTheLoginBucket()
    {
        await Client.SaveUserWithMfaAsync(Factory);
        await using var app = Factory.WithWebHostBuilder(b => b.UseSetting("AUTH_RATE_LIMIT_PER_MINUTE", "100")
            .UseSetting("LOGIN_RATE_LIMIT_PER_MINUTE", "1"));
        using var client = app.CreateClient();
        var mfaToken = await client.LoginForMfaTokenAsync();

        var limited = await client.LoginMfaAsync(mfaToken, "123456");

        await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.That(limited.Headers.RetryAfter, Is.Not.Null);
    }

    [Test]
    public async Task LoginMfa_OneTokenAndCodeSentManyTimesAtOnce_OpensOneSession()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        var mfaToken = await Client.LoginForMfaTokenAsync();
        var code = account.CodeAt(Now);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Client.LoginMfaAsync(mfaToken, code)));

        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
        // The others are replays: each counts as a wrong code, so past the throttle's five they are 429.
        Assert.That(answers.Where(a => a.StatusCode != HttpStatusCode.OK).Select(a => a.StatusCode),
            Has.All.AnyOf(HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task LoginMfa_OneCodeWithManyTokensAtOnce_IsAcceptedOnce()
    {
        var account = await Client.SaveUserWithMfaAsync(Factory);
        var tokens = new List<string>();
        for (var login = 0; login < 4; login++)
        {
            tokens.Add(await Client.LoginForMfaTokenAsync());
        }

        var code = account.CodeAt(Now);
        var answers = await Task.WhenAll(tokens.Select(token => Client.LoginMfaAsync(token, code)));

        Assert.That(answers.Count(a => a.StatusCode == HttpStatusCode.OK), Is.EqualTo(1));
    }

    [Test]
    public async Task Login_RightPasswordRepeated_KeepsAtMostTenPendingSecondSteps()
    {
        await Client.SaveUserWithMfaAsync(Factory);

        for (var login = 0; login < 12; login++)
        {
            await Client.LoginForMfaTokenAsync();
        }

        Assert.That(await QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.MfaChallenges)),
            Is.EqualTo(10));
    }
}
