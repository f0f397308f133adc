using System.Net;
using Microsoft.EntityFrameworkCore;
using Tikiya.Api.ProcessTests.Infrastructure;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Api.ProcessTests.Resilience;

public sealed class ShutdownTests : SharedDatabaseTest
{
    [Test]
    public async Task Sigterm_FinishesTheRequestInFlightKeepsItsWriteAndExits0()
    {
        var api = await RunningApi.StartAsync(TestSetup.Database.Url);
        await using (api)
        {
            Task<HttpResponseMessage> inFlight;
            await using (var usersLock = await TableLock.TakeAsync(ConnectionString, "users"))
            {
                inFlight = new UserBuilder().RegisterAsync(api.Client);
                await usersLock.WaitUntilSomeoneWaitsAsync();
                await api.SendSigtermAsync(); // while the request waits on the database
            }

            var response = await inFlight;
            var exitCode = await api.WaitForExitAsync(TimeSpan.FromSeconds(60));

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), api.Output);
            Assert.That(exitCode, Is.Zero, api.Output);
            Assert.That(await QueryAsync(db => db.Users.CountAsync()), Is.EqualTo(1), "what was answered 201 is stored");
        }
    }
}
