using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Security;

namespace Tikiya.Api.IntegrationTests.Infrastructure;

/// <summary>A hasher with no room: one thread, no queue, and a login's hash in flight on it.</summary>
internal static class BusyHasher
{
    public const string UnknownEmail = "nobody@example.com";

    /// <summary>
    /// One hashing thread, no queue, and hashes slow enough to be caught in flight (64 MiB, 16 iterations: a few
    /// hundred milliseconds each, where the next request takes a few).
    /// </summary>
    public static IWebHostBuilder WithOneSlowHashingThread(this IWebHostBuilder builder) => builder
        .UseSetting("PASSWORD_HASHING_CONCURRENCY", "1")
        .UseSetting("PASSWORD_HASHING_WAIT_MS", "0")
        .UseSetting("ARGON2_MEMORY_KIB", "65536")
        .UseSetting("ARGON2_ITERATIONS", "16");

    /// <summary>
    /// Starts a login of an unknown email (checked against the dummy hash, made at the configured, slow cost; an
    /// account's hash is checked at the cost it was made with) and returns once its hash runs.
    /// </summary>
    public static async Task<Task<HttpResponseMessage>> StartLoginAsync(HttpClient client, IServiceProvider services)
    {
        var hasher = (PasswordHasher)services.GetRequiredService<IPasswordHasher>();
        var login = client.LoginAsync(UnknownEmail);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (hasher.InUse == 0)
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the login never started hashing");
            await Task.Delay(5);
        }

        return login;
    }
}
