using System.ComponentModel.DataAnnotations;
using Tikiya.Infrastructure.Configuration;

namespace Tikiya.Infrastructure.Options;

/// <summary>Argon2id cost. The defaults are OWASP's (19 MiB, 2 iterations, 1 lane); libsodium always uses one lane.</summary>
public sealed class PasswordHashingOptions
{
    public const string Libsodium = "libsodium";
    public const string Isopoh = "isopoh";
    public const string Managed = "managed";
    public const int MaxMemoryKib = 1_048_576;
    public const int MaxIterations = 16;

    [Setting("PASSWORD_HASHER", "managed (C# with SIMD), libsodium (native) or isopoh (C#, slow); their hashes are interchangeable")]
    [AllowedValues(Libsodium, Isopoh, Managed, ErrorMessage = "PASSWORD_HASHER must be libsodium, isopoh or managed.")]
    public string Hasher { get; set; } = Managed; // faster than libsodium in the side-by-side run (performance.md)

    // 7 MiB is the least memory OWASP's table allows (with 5 iterations); below it a hash is too cheap to guess at.
    [Setting("ARGON2_MEMORY_KIB", "Argon2id memory in KiB (OWASP: 19456); raising it rehashes each account at its next login")]
    [Range(7168, MaxMemoryKib, ErrorMessage = "ARGON2_MEMORY_KIB must be between 7168 and 1048576.")]
    public int MemoryKib { get; set; } = 19_456;

    [Setting("ARGON2_ITERATIONS", "Argon2id iterations (OWASP: 2)")]
    [Range(1, MaxIterations, ErrorMessage = "ARGON2_ITERATIONS must be between 1 and 16.")]
    public int Iterations { get; set; } = 2;

    // More than the cores only adds memory (each hash holds ARGON2_MEMORY_KIB) and latency; fewer leaves cores for the
    // rest of the API.
    [Setting("PASSWORD_HASHING_CONCURRENCY", "Password hashes at once, each on a thread of its own (0: one per core)")]
    [Range(0, 1024, ErrorMessage = "PASSWORD_HASHING_CONCURRENCY must be between 0 (one per core) and 1024.")]
    public int Concurrency { get; set; }

    [Setting("PASSWORD_HASHING_WAIT_MS", "How long a hash may wait for its turn before 503")]
    [Range(0, 60_000, ErrorMessage = "PASSWORD_HASHING_WAIT_MS must be between 0 and 60000.")]
    public int WaitMs { get; set; } = 2000;

    public int HashingThreads => Concurrency > 0 ? Concurrency : Environment.ProcessorCount;
}
