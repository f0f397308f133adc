using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Tikiya.Infrastructure.Security.Argon2;

/// <summary>
/// One hash's working memory, allocated once and reused hash after hash: libsodium maps, faults in and unmaps its
/// 19 MiB on every hash, about half of its time on a virtual machine (docs/performance.md). Pinned, on the pinned
/// object heap, so the GC never copies it; its first block starts on a cache line, so no 32-byte load is split.
/// </summary>
internal sealed class Argon2Memory
{
    private const int CacheLineBytes = 64;

    private readonly ulong[] _words;
    private readonly int _start;

    public Argon2Memory(int blocks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 1);
        _words = GC.AllocateArray<ulong>(checked(blocks * Argon2Block.Words) + CacheLineBytes / sizeof(ulong), pinned: true);
        var address = Marshal.UnsafeAddrOfPinnedArrayElement(_words, 0).ToInt64(); // fixed: the array is pinned
        _start = (int)((CacheLineBytes - address % CacheLineBytes) % CacheLineBytes / sizeof(ulong));
        Blocks = blocks;
    }

    public int Blocks { get; }

    /// <summary>For tests: nothing of any hash is left in the buffer.</summary>
    internal bool IsZero => !_words.AsSpan().ContainsAnyExcept(0UL);

    public Span<Argon2Block> Span(int blocks) =>
        MemoryMarshal.Cast<ulong, Argon2Block>(_words.AsSpan(_start, blocks * Argon2Block.Words));

    /// <summary>Wipes the first <paramref name="blocks"/> blocks, all a hash of that size touched.</summary>
    public void Clear(int blocks) => CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(Span(blocks)));
}
