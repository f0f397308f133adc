using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tikiya.Application.Common;
using Tikiya.Infrastructure.Maintenance;
using Tikiya.Testing.Mail;

namespace Tikiya.Testing;

/// <summary>The real app, in memory, on a real PostgreSQL database, with a clock the tests move.</summary>
/// <remarks>
/// The purge job runs only where a test asks for it (<paramref name="runPurgeJob"/>): tests move the shared clock by
/// days, and a purge firing in the middle of another test would change the rows that test is counting.
/// </remarks>
public sealed class TikiyaApiFactory(string databaseUrl, IReadOnlyDictionary<string, string>? settings = null,
    bool runPurgeJob = false) : WebApplicationFactory<Program>
{
    public const string JwtSecret = "integration-tests-secret-of-at-least-32-bytes";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production"); // test what ships
        builder.UseSetting("DATABASE_URL", databaseUrl);
        builder.UseSetting("JWT_SECRET", JwtSecret);
        // TestServer gives every request the same (null) address: one client for the per-client limit. Tests of that
        // limit set their own.
        builder.UseSetting("AUTH_RATE_LIMIT_PER_MINUTE", "0");
        foreach (var (name, value) in TestMail.With(settings))
        {
            builder.UseSetting(name, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(new MicrosecondTimeProvider(Clock)); // the app's clock, on a time the tests move
            if (!runPurgeJob)
            {
                var purgeJob = services.Single(d => d.ImplementationType == typeof(PurgeBackgroundService));
                services.Remove(purgeJob);
            }
        });
    }
}
