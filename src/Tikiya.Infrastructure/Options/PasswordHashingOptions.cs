using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Tikiya.Infrastructure.Options;

/// <summary>Argon2id cost. The defaults are OWASP's (19 MiB, 2 iterations, 1 lane); libsodium always uses one lane.</summary>
public sealed class PasswordHashingOptions
{
    public const string Libsodium = "libsodium";
    public const string Isopoh = "isopoh";
    public const string Managed = "managed";
    public const int MaxMemoryKib = 1_048_576;
    public const int MaxIterations = 16;

    [ConfigurationKeyName("PASSWORD_HASHER"), AllowedValues(Libsodium, Isopoh, Managed,
        ErrorMessage = "PASSWORD_HASHER must be libsodium, isopoh or managed.")]
    public string Hasher { get; set; } = Libsodium;

    // 7 MiB is the least memory OWASP's table allows (with 5 iterations); below it a hash is too cheap to guess at.
    [ConfigurationKeyName("ARGON2_MEMORY_KIB"), Range(7168, MaxMemoryKib, ErrorMessage = "ARGON2_MEMORY_KIB must be between 7168 and 1048576.")]
    public int MemoryKib { get; set; } = 19_456;

    [ConfigurationKeyName("ARGON2_ITERATIONS"), Range(1, MaxIterations, ErrorMessage = "ARGON2_ITERATIONS must be between 1 and 16.")]
    public int Iterations { get; set; } = 2;

    /// <summary>
    /// Logins and registrations in their hashing stage at once (the bulkhead's slots). A slot is held from before the
    /// login's database lock to the end of its hash, so each holds a pooled connection: 0 means two per core, but never
    /// more than half of DATABASE_POOL_MAX, and an explicit value must stay below it, or a login burst would take every
    /// connection from refresh and me. The hashes themselves run one per core on threads of their own
    /// (<see cref="HashingThreads"/>): with two slots per core, one login does its round trips while the other hashes.
    /// Beyond the slots, requests wait (see below), then get 503.
    /// </summary>
    [ConfigurationKeyName("PASSWORD_HASHING_CONCURRENCY"), Range(0, 1024, ErrorMessage = "PASSWORD_HASHING_CONCURRENCY must be between 0 (two per core) and 1024.")]
    public int Concurrency { get; set; }

    [ConfigurationKeyName("PASSWORD_HASHING_WAIT_MS"), Range(0, 60_000, ErrorMessage = "PASSWORD_HASHING_WAIT_MS must be between 0 and 60000.")]
    public int WaitMs { get; set; } = 2000;

    /// <summary>Not a variable of its own (DatabaseOptions validates it): the pool the slots' connections come from.</summary>
    [ConfigurationKeyName("DATABASE_POOL_MAX")]
    public int DatabasePoolMax { get; set; } = DatabaseOptions.DefaultPoolMax;

    public int EffectiveConcurrency =>
        Concurrency > 0 ? Concurrency : Math.Clamp(DatabasePoolMax / 2, 1, 2 * Environment.ProcessorCount);

    /// <summary>Argon2 computations at once: one per core, and never more than there are slots.</summary>
    public int HashingThreads => Math.Min(Environment.ProcessorCount, EffectiveConcurrency);
}
