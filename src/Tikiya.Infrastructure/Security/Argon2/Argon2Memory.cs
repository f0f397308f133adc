using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Tikiya.Infrastructure.Security.Argon2;

/// <summary>
/// One hash's working memory, allocated once and reused hash after hash: libsodium maps, faults in and unmaps its
/// 19 MiB on every hash, about half of its time on a virtual machine (docs/performance.md). Pinned, on the pinned
/// object heap, so the GC never copies it; its blocks start on a 2 MiB boundary and are offered to the kernel as
/// transparent huge pages (<see cref="HugePages"/>), then touched once here, so no hash pays a page fault.
/// </summary>
internal sealed class Argon2Memory
{
    private readonly ulong[] _words;
    private readonly int _start;

    public Argon2Memory(int blocks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 1);
        // Uninitialized: the pages stay untouched until the advice is given, which a zeroing allocation could defeat.
        _words = GC.AllocateUninitializedArray<ulong>(checked(blocks * Argon2Block.Words + HugePages.Bytes / sizeof(ulong)),
            pinned: true);
        var address = Marshal.UnsafeAddrOfPinnedArrayElement(_words, 0); // fixed: the array is pinned
        _start = (int)((HugePages.Bytes - address % HugePages.Bytes) % HugePages.Bytes / sizeof(ulong));
        Blocks = blocks;
        HugePages.Advise(address + _start * sizeof(ulong), (long)blocks * Argon2Block.Bytes);
        Clear(blocks);
    }

    public int Blocks { get; }

    /// <summary>For tests: nothing of any hash is left in the blocks.</summary>
    internal bool IsZero => !MemoryMarshal.AsBytes(Span(Blocks)).ContainsAnyExcept((byte)0);

    public Span<Argon2Block> Span(int blocks) =>
        MemoryMarshal.Cast<ulong, Argon2Block>(_words.AsSpan(_start, blocks * Argon2Block.Words));

    /// <summary>Wipes the first <paramref name="blocks"/> blocks, all a hash of that size touched.</summary>
    public void Clear(int blocks) => CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(Span(blocks)));
}
