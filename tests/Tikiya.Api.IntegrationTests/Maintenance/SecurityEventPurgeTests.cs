using Microsoft.EntityFrameworkCore;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Domain.SecurityEvents;

namespace Tikiya.Api.IntegrationTests.Maintenance;

/// <summary>API.md v1.1: security events are kept 90 days, and an account's are bounded within them.</summary>
public sealed class SecurityEventPurgeTests : ApiTest
{
    [Test]
    public async Task Purge_DeletesEventsOlderThan90Days()
    {
        await Client.SaveUserAndLoginAsync(Factory.Services);
        Factory.Clock.Advance(TimeSpan.FromDays(89));
        await Client.LoginOkAsync();
        Factory.Clock.Advance(TimeSpan.FromDays(1));

        var purged = await Purge.RunAsync();

        Assert.That(purged.SecurityEvents, Is.EqualTo(1));
        Assert.That(await QueryAsync(db => db.SecurityEvents.Select(e => e.OccurredAt).SingleAsync()),
            Is.EqualTo(Factory.Clock.GetUtcNow() - TimeSpan.FromDays(1)), "the one recorded a day ago stays");
    }

    [Test]
    public async Task Purge_KeepsTheNewest100OfEachTypeOfEachAccount()
    {
        var ann = await new UserBuilder().SaveAsync(Factory.Services);
        var bob = await new UserBuilder().WithEmail("bob@example.com").SaveAsync(Factory.Services);
        var start = Factory.Clock.GetUtcNow();
        await QueryAsync(db =>
        {
            db.SecurityEvents.AddRange(Enumerable.Range(1, 130).Select(second =>
                SecurityEvent.Record(ann.Id, SecurityEventType.LoginFailed, start.AddSeconds(second), null, null)));
            db.SecurityEvents.Add(SecurityEvent.Record(ann.Id, SecurityEventType.LoginSucceeded, start, null, null));
            db.SecurityEvents.AddRange(Enumerable.Range(1, 100).Select(second =>
                SecurityEvent.Record(bob.Id, SecurityEventType.LoginFailed, start.AddSeconds(second), null, null)));
            return db.SaveChangesAsync();
        });

        var purged = await Purge.RunAsync(batchSize: 7);

        Assert.That(purged.SecurityEvents, Is.EqualTo(30));
        var annsFailures = await QueryAsync(db => db.SecurityEvents
            .Where(e => e.UserId == ann.Id && e.Type == SecurityEventType.LoginFailed).Select(e => e.OccurredAt).ToListAsync());
        Assert.That(annsFailures.Min(), Is.EqualTo(start.AddSeconds(31)), "the 100 newest stay");
        Assert.That(await QueryAsync(db => db.SecurityEvents.CountAsync(e => e.Type == SecurityEventType.LoginSucceeded)),
            Is.EqualTo(1), "a flood of failures pushes out no login, however old");
        Assert.That(await QueryAsync(db => db.SecurityEvents.CountAsync(e => e.UserId == bob.Id)), Is.EqualTo(100));
    }
}
