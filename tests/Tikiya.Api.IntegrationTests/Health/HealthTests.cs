using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tikiya.Api.Health;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Health;

public sealed class HealthTests : ApiTest
{
    [Test]
    public async Task Live_WhileServing_Returns200()
    {
        var response = await Client.GetAsync("/health/live");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Ready_WithCurrentSchema_Returns200()
    {
        var response = await Client.GetAsync("/health/ready");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task Ready_UnderAFlood_ChecksTheDatabaseOnce()
    {
        Factory.Clock.Advance(CachedReadyHealthCheck.MaxAge); // past what an earlier test left
        using var oneCheck = new DatabaseCommands();
        await ReadyAsync(oneCheck);
        Factory.Clock.Advance(CachedReadyHealthCheck.MaxAge);
        using var flood = new DatabaseCommands();

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => ReadyAsync(flood)));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(oneCheck.Count, Is.Positive, "a check queries the database");
        Assert.That(flood.Count, Is.EqualTo(oneCheck.Count), "the whole flood within a second: the queries of one check");
    }

    [Test]
    public async Task Ready_ASecondAfterACheck_ChecksAgain()
    {
        Factory.Clock.Advance(CachedReadyHealthCheck.MaxAge);
        await Client.GetAsync("/health/ready");
        Factory.Clock.Advance(CachedReadyHealthCheck.MaxAge);
        using var commands = new DatabaseCommands();

        var response = await ReadyAsync(commands);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(commands.Count, Is.Positive, "an outage shows within a second");
    }

    [Test]
    public async Task Ready_WithPendingMigrations_Returns503ProblemWithRetryAfter()
    {
        var database = await TestSetup.Database.CreateDatabaseAsync();
        try
        {
            await using var unmigrated = new TikiyaApiFactory(database,
                new Dictionary<string, string> { ["DATABASE_MIGRATE_ON_STARTUP"] = "false" });
            using var client = unmigrated.CreateClient();

            var ready = await client.GetAsync("/health/ready");
            var live = await client.GetAsync("/health/live");

            await ProblemAssert.IsProblemAsync(ready, HttpStatusCode.ServiceUnavailable, "not_ready");
            Assert.That(ready.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
            Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        finally
        {
            await TestSetup.Database.DropDatabaseAsync(database);
        }
    }

    [Test]
    public async Task OpenApi_Document_DescribesEveryEndpointOfTheContract()
    {
        var response = await Client.GetAsync("/openapi/v1.json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name);
        Assert.That(paths, Is.SupersetOf(new[]
        {
            "/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout",
            "/api/v1/auth/logout-all", "/api/v1/users/me",
            "/api/v1/auth/verify-email", "/api/v1/auth/resend-verification", "/api/v1/auth/forgot-password",
            "/api/v1/auth/reset-password", "/api/v1/users/me/password", "/api/v1/users/me/email",
            "/api/v1/users/me/email/confirm", "/api/v1/users/me/delete",
        }));
        var schemas = document.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(p => p.Name);
        Assert.That(schemas, Is.SupersetOf(new[]
        {
            "UserResponse", "TokensResponse", "LoginCommand", "RegisterCommand", "VerifyEmailCommand",
            "ResendVerificationCommand", "ForgotPasswordCommand", "ResetPasswordCommand", "ChangePasswordCommand",
            "ChangeEmailCommand", "ConfirmEmailChangeCommand", "DeleteAccountCommand",
        }));
    }

    private async Task<HttpResponseMessage> ReadyAsync(DatabaseCommands commands)
    {
        using var request = commands.Traced(new HttpRequestMessage(HttpMethod.Get, "/health/ready"));
        return await Client.SendAsync(request);
    }
}
