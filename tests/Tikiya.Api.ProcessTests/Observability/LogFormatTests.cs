using System.Text.Json;
using Tikiya.Api.ProcessTests.Infrastructure;

namespace Tikiya.Api.ProcessTests.Observability;

/// <summary>
/// The binary as shipped logs JSON, one event per line, with the trace id and the client on request lines and no secret.
/// </summary>
public sealed class LogFormatTests : SharedDatabaseTest
{
    [Test]
    public async Task Logs_OfTheShippedBinary_AreOneJsonEventPerLineWithTraceIds()
    {
        const string password = "a password nobody may read";
        string output;
        Tokens tokens;
        await using (var api = await RunningApi.StartAsync(TestSetup.Database.Url))
        {
            api.Client.DefaultRequestHeaders.UserAgent.ParseAdd("LogReader/1.0");
            tokens = await api.Client.RegisterAndLoginAsync("log.reader@example.com", password);
            await api.Client.LoginAsync("log.reader@example.com", "a wrong password");
            await api.SendSigtermAsync();
            await api.WaitForExitAsync(TimeSpan.FromSeconds(60));
            output = api.Output;
        }

        var events = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var loginFailed = events.Single(e => e.GetProperty("Message").GetString()!.StartsWith("Login failed", StringComparison.Ordinal));
        var configuration = events.Single(e => e.GetProperty("Message").GetString()!.StartsWith("Effective configuration", StringComparison.Ordinal));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(events.Select(e => e.GetProperty("LogLevel").GetString()), Is.All.Not.Null);
            Assert.That(loginFailed.GetProperty("Scopes").EnumerateArray().Any(s => s.TryGetProperty("TraceId", out _)), Is.True);
            Assert.That(loginFailed.GetProperty("Scopes").EnumerateArray().Any(s =>
                s.TryGetProperty("ClientAddress", out var address) && address.GetString() == "127.0.0.1"
                && s.TryGetProperty("UserAgent", out var userAgent) && userAgent.GetString() == "LogReader/1.0"), Is.True,
                "the client of an auth event's line");
            Assert.That(configuration.GetProperty("Message").GetString(), Does.Contain("JWT_SECRET=***").And.Contain("Password=***"));
            Assert.That(events.Select(e => e.GetProperty("Message").GetString()), Has.Some.Contains("Database schema is current"));
            foreach (var secret in new[] { password, "a wrong password", "log.reader", tokens.RefreshToken, tokens.AccessToken, TikiyaApiFactory.JwtSecret })
            {
                Assert.That(output, Does.Not.Contain(secret));
            }
        }
    }

    [Test]
    public async Task Logs_InDevelopment_AreOneReadableLinePerEvent()
    {
        string output;
        await using (var api = await RunningApi.StartAsync(TestSetup.Database.Url,
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" })) // as scripts/run sets it
        {
            await api.SendSigtermAsync();
            await api.WaitForExitAsync(TimeSpan.FromSeconds(60));
            output = api.Output;
        }

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Some.Match(@"^\d\d:\d\d:\d\d info: Tikiya\.Api\.Configuration\.EffectiveConfiguration\[\d+\] Effective configuration: "));
        Assert.That(lines, Has.None.StartsWith("{"), "not JSON");
    }
}
