using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Testing.Builders;

/// <summary>
/// The hash of each password at each hasher setting, made once per test run by the app's own hasher: arranging an
/// account then costs an insert, not an Argon2 hash. Static on purpose (the run is the cache's lifetime); the key holds
/// the cost, so an app configured with another one gets a hash its login accepts without rehashing.
/// </summary>
internal static class PasswordHashes
{
    private static readonly ConcurrentDictionary<(string Password, string Hasher, int MemoryKib, int Iterations), Task<string>> Made = new();

    public static async Task<string> HashAsync(IServiceProvider services, string password, CancellationToken cancellationToken)
    {
        var settings = services.GetRequiredService<IOptions<PasswordHashingOptions>>().Value;
        var key = (password, settings.Hasher, settings.MemoryKib, settings.Iterations);
        var hash = Made.GetOrAdd(key,
            _ => services.GetRequiredService<IPasswordHasher>().HashAsync(password, CancellationToken.None).AsTask());
        try
        {
            return await hash.WaitAsync(cancellationToken);
        }
        catch (Exception) when (hash.IsFaulted || hash.IsCanceled)
        {
            Made.TryRemove(KeyValuePair.Create(key, hash)); // a refused hash (a busy hasher) is not the password's hash
            throw;
        }
    }
}
