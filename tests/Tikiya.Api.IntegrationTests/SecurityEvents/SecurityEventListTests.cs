using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Domain.SecurityEvents;

namespace Tikiya.Api.IntegrationTests.SecurityEvents;

/// <summary>API.md v1.1: <c>GET /api/v1/users/me/security-events</c>, and what the table holds.</summary>
public sealed class SecurityEventListTests : ApiTest
{
    [Test]
    public async Task SecurityEvents_ListTheCallersNewestFirstInTheContractsShape()
    {
        Client.DefaultRequestHeaders.UserAgent.ParseAdd("TikiyaTests/1.0");
        var login = await Client.SaveUserAndLoginAsync(Factory.Services);
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Client.LoginAsync(password: "wrong horse battery");

        var response = await Client.SecurityEventsAsync(login.AccessToken);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var events = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.That(events.Select(e => e.GetProperty("type").GetString()), Is.EqualTo(new[] { "login_failed", "login_succeeded" }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(events[0].EnumerateObject().Select(p => p.Name),
                Is.EqualTo(new[] { "id", "type", "occurredAt", "ipAddress", "userAgent" }));
            Assert.That(events[0].GetProperty("occurredAt").GetDateTimeOffset(), Is.EqualTo(Factory.Clock.GetUtcNow()));
            Assert.That(events[0].GetProperty("ipAddress").ValueKind, Is.EqualTo(JsonValueKind.Null), "TestServer's requests have no address");
            Assert.That(events[0].GetProperty("userAgent").GetString(), Is.EqualTo("TikiyaTests/1.0"));
        }
    }

    [Test]
    public async Task SecurityEvents_AnswerAtMost100()
    {
        var user = await new UserBuilder().SaveAsync(Factory.Services);
        var login = await Client.LoginOkAsync();
        var start = Factory.Clock.GetUtcNow();
        await SaveEventsAsync(Enumerable.Range(1, 120).Select(minute =>
            SecurityEvent.Record(user.Id, SecurityEventType.LoginFailed, start.AddMinutes(minute), null, null)));

        var events = await Client.SecurityEventsOkAsync(login.AccessToken);

        Assert.That(events, Has.Count.EqualTo(100));
        Assert.That(events.Select(e => e.OccurredAt), Is.Ordered.Descending);
        Assert.That(events[0].OccurredAt, Is.EqualTo(start.AddMinutes(120)), "the newest ones");
    }

    [Test]
    public async Task SecurityEvents_LeaveOutAnotherUsersEvents()
    {
        await Client.SaveUserAndLoginAsync(Factory.Services, "bob@example.com");
        await Client.LoginAsync("bob@example.com", "wrong horse battery");
        var login = await Client.SaveUserAndLoginAsync(Factory.Services);

        var events = await Client.SecurityEventsOkAsync(login.AccessToken);

        Assert.That(events.Select(e => e.Type), Is.EqualTo(new[] { "login_succeeded" }));
    }

    [Test]
    public async Task SecurityEvents_WithoutToken_Return401()
    {
        var response = await Client.SecurityEventsAsync(null);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
    }

    [Test]
    public async Task SecurityEvents_AnswerNoStore()
    {
        var login = await Client.SaveUserAndLoginAsync(Factory.Services);

        var response = await Client.SecurityEventsAsync(login.AccessToken);

        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, "account data is never cached (API.md v1.1)");
    }

    private static Task<int> SaveEventsAsync(IEnumerable<SecurityEvent> events) =>
        QueryAsync(db =>
        {
            db.SecurityEvents.AddRange(events);
            return db.SaveChangesAsync();
        });
}
