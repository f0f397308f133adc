using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Devices;

namespace Tikiya.Api.IntegrationTests.Auth;

/// <summary>
/// Issue 14, "Lockout as a weapon" (API.md v1.1, "Sessions and devices"): a login that presents a valid device token of
/// the account is throttled on the token's own count, not by the failures of others; its success resets both counts.
/// Without one the v1 rule stands. Device tokens are stored only hashed and end with the account and with logout-all.
/// </summary>
public sealed class DeviceTokenTests : ApiTest
{
    private const string WrongPassword = "wrong horse battery";

    [Test]
    public async Task Login_AnswersADeviceToken_AndRefreshDoesNot()
    {
        await new UserBuilder().SaveAsync(Factory.Services);

        var login = await Client.LoginOkAsync();
        var refresh = await Client.RefreshAsync(login.RefreshToken);

        Assert.That(login.DeviceToken, Is.Not.Null.And.Length.GreaterThanOrEqualTo(22), "at least 128 random bits");
        var refreshed = await refresh.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(refreshed.TryGetProperty("deviceToken", out _), Is.False, "API.md: absent from refresh");
    }

    [Test]
    public async Task Login_WithItsDeviceToken_AnswersTheSameToken()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var first = await Client.LoginOkAsync();

        var again = await Client.LoginOkFromKnownDeviceAsync(first.DeviceToken!);

        Assert.That(again.DeviceToken, Is.EqualTo(first.DeviceToken));
        Assert.That(await QueryAsync(db => db.DeviceTokens.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task Login_LockedByOthers_WithTheOwnersDeviceToken_Succeeds()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var owner = await Client.LoginOkAsync();
        await FailAsync(5);

        var response = await Client.LoginFromKnownDeviceAsync(owner.DeviceToken!);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Login_LockedByOthers_WithoutADeviceToken_StaysThrottledAsInV1()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        await Client.LoginOkAsync();
        await FailAsync(5);

        var response = await Client.LoginAsync();

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "login_throttled");
    }

    [Test]
    public async Task Login_WithADeviceToken_WrongPasswordsAreThrottledOnTheDevicesOwnCount()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var device = (await Client.LoginOkAsync()).DeviceToken!;
        await FailAsync(5, device);

        var fromDevice = await Client.LoginFromKnownDeviceAsync(device);
        var elsewhere = await Client.LoginAsync();

        await ProblemAssert.IsProblemAsync(fromDevice, HttpStatusCode.TooManyRequests, "login_throttled");
        Assert.That(fromDevice.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromMinutes(15)));
        Assert.That(elsewhere.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the email's own count saw none of them");
    }

    [Test]
    public async Task Login_WithADeviceToken_SuccessResetsBothCounts()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var device = (await Client.LoginOkAsync()).DeviceToken!;
        await FailAsync(4);
        await FailAsync(4, device);

        await Client.LoginOkFromKnownDeviceAsync(device);

        var failures = await QueryAsync(db => db.LoginThrottles.AsNoTracking().Select(t => t.ConsecutiveFailures).ToListAsync());
        Assert.That(failures, Has.Count.EqualTo(2).And.All.Zero);
    }

    [Test]
    public async Task Login_WithADeviceToken_SuccessLiftsTheEmailsLockout()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var device = (await Client.LoginOkAsync()).DeviceToken!;
        await FailAsync(5);

        await Client.LoginOkFromKnownDeviceAsync(device);

        Assert.That((await Client.LoginAsync()).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task DeviceTokens_AreStoredOnlyAsAKeyedHash()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var token = (await Client.LoginOkAsync()).DeviceToken!;

        var row = await QueryAsync(db => db.DeviceTokens.AsNoTracking().SingleAsync());

        Assert.That(row.TokenHash, Has.Length.EqualTo(32));
        Assert.That(row.TokenHash, Is.Not.EqualTo(Base64Url.DecodeFromChars(token)));
        Assert.That(row.TokenHash, Is.Not.EqualTo(SHA256.HashData(Encoding.UTF8.GetBytes(token))), "keyed, not a plain hash");
        Assert.That(Encoding.UTF8.GetString(row.TokenHash), Does.Not.Contain(token));
    }

    [Test]
    public async Task LogoutAll_EndsTheDeviceTokens()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var owner = await Client.LoginOkAsync();
        await Client.LogoutAllAsync(owner.AccessToken);
        await FailAsync(5);

        var response = await Client.LoginFromKnownDeviceAsync(owner.DeviceToken!);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "login_throttled");
        Assert.That(await QueryAsync(db => db.DeviceTokens.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task ResetPassword_EndsTheDeviceTokens()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var owner = await Client.LoginOkAsync();
        var mail = await Client.ForgotPasswordForMailAsync();

        var reset = await Client.ResetPasswordWithCodeAsync(SentMail.Code(mail), "a new horse battery");

        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await QueryAsync(db => db.DeviceTokens.CountAsync()), Is.Zero,
            "a token copied with the old password keeps no throttle of its own");
        Assert.That(owner.DeviceToken, Is.Not.Null);
    }

    [Test]
    public async Task DeleteAccount_EndsTheDeviceTokens()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var owner = await Client.LoginOkAsync();

        await Client.DeleteAccountAsync(owner.AccessToken);

        Assert.That(await QueryAsync(db => db.DeviceTokens.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task Login_WithAnExpiredDeviceToken_IsThrottledAsWithout()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var owner = await Client.LoginOkAsync();
        Factory.Clock.Advance(DeviceToken.Lifetime);
        await FailAsync(5);

        var response = await Client.LoginFromKnownDeviceAsync(owner.DeviceToken!);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "login_throttled");
    }

    [Test]
    public async Task Login_WithAnExpiredDeviceToken_AnswersANewOne()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var owner = await Client.LoginOkAsync();
        Factory.Clock.Advance(DeviceToken.Lifetime);

        var again = await Client.LoginOkFromKnownDeviceAsync(owner.DeviceToken!);

        Assert.That(again.DeviceToken, Is.Not.Null.And.Not.EqualTo(owner.DeviceToken));
    }

    [Test]
    public async Task Login_WithItsDeviceToken_StartsItsLifetimeAgain()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var device = (await Client.LoginOkAsync()).DeviceToken!;
        Factory.Clock.Advance(DeviceToken.Lifetime - TimeSpan.FromDays(1));
        await Client.LoginOkFromKnownDeviceAsync(device);
        Factory.Clock.Advance(TimeSpan.FromDays(2));

        var again = await Client.LoginOkFromKnownDeviceAsync(device);

        Assert.That(again.DeviceToken, Is.EqualTo(device));
    }

    [Test]
    public async Task Login_WithAnotherAccountsDeviceToken_IsThrottledAsWithout()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        await new UserBuilder().WithEmail("bob@example.com").SaveAsync(Factory.Services);
        var bobs = (await Client.LoginOkAsync("bob@example.com")).DeviceToken!;
        await FailAsync(5);

        var response = await Client.LoginFromKnownDeviceAsync(bobs);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "login_throttled");
    }

    [TestCase("not-a-device-token")]
    [TestCase("")]
    public async Task Login_WithAnUnknownDeviceToken_IsThrottledAsWithout(string deviceToken)
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        await FailAsync(5);

        var response = await Client.LoginFromKnownDeviceAsync(deviceToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "login_throttled");
    }

    [Test]
    public async Task Login_UnknownEmailWithADeviceToken_AnswersAsAnUnknownEmail()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var device = (await Client.LoginOkAsync()).DeviceToken!;

        var unknown = await ProblemAssert.IsProblemAsync(
            await Client.LoginFromKnownDeviceAsync(device, "nobody@example.com"), HttpStatusCode.Unauthorized, "invalid_credentials");
        var plain = await ProblemAssert.IsProblemAsync(await Client.LoginAsync("nobody@example.com"), HttpStatusCode.Unauthorized,
            "invalid_credentials");

        Assert.That(unknown.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(plain.EnumerateObject().Select(p => p.Name)));
        foreach (var field in new[] { "type", "title", "status", "detail" })
        {
            Assert.That(unknown.GetProperty(field).ToString(), Is.EqualTo(plain.GetProperty(field).ToString()), field);
        }
    }

    [Test]
    public async Task Login_UnknownEmailWithADeviceToken_IsCountedOnTheEmail()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        var device = (await Client.LoginOkAsync()).DeviceToken!;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Client.LoginFromKnownDeviceAsync(device, "nobody@example.com");
        }

        var response = await Client.LoginAsync("nobody@example.com");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.TooManyRequests, "login_throttled");
    }

    [Test]
    public async Task Login_PastTheCapOfDevices_ForgetsTheLeastRecentlyUsed()
    {
        var user = await new UserBuilder().SaveAsync(Factory.Services);
        var start = Factory.Clock.GetUtcNow();
        var known = Enumerable.Range(0, DeviceToken.MaxPerUser)
            .Select(i => DeviceToken.Issue(user.Id, RandomNumberGenerator.GetBytes(32), start.AddMinutes(i))).ToList();
        await SaveAsync(known);
        Factory.Clock.Advance(TimeSpan.FromDays(1));

        await Client.LoginOkAsync();

        var ids = await QueryAsync(db => db.DeviceTokens.Select(d => d.Id).ToListAsync());
        Assert.That(ids, Has.Count.EqualTo(DeviceToken.MaxPerUser));
        Assert.That(ids, Does.Not.Contain(known[0].Id), "the least recently used went");
        Assert.That(ids, Does.Contain(known[1].Id));
    }

    [Test]
    public async Task Purge_DeletesExpiredDeviceTokens()
    {
        await new UserBuilder().SaveAsync(Factory.Services);
        await Client.LoginOkAsync();
        Factory.Clock.Advance(DeviceToken.Lifetime);

        var purged = await Purge.RunAsync();

        Assert.That(purged.DeviceTokens, Is.EqualTo(1));
        Assert.That(await QueryAsync(db => db.DeviceTokens.CountAsync()), Is.Zero);
    }

    private async Task FailAsync(int times, string? deviceToken = null)
    {
        for (var attempt = 0; attempt < times; attempt++)
        {
            var response = deviceToken is null
                ? await Client.LoginAsync(password: WrongPassword)
                : await Client.LoginFromKnownDeviceAsync(deviceToken, password: WrongPassword);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }
    }

    private static async Task SaveAsync(IEnumerable<DeviceToken> devices)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        db.DeviceTokens.AddRange(devices);
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
