using System.Runtime.CompilerServices;

namespace Tikiya.Infrastructure.Security.Argon2;

/// <summary>BLAKE2b's chaining value h[0..7] (RFC 7693 §3.3), inline so a hash state lives on the stack.</summary>
[InlineArray(8)]
internal struct Blake2bChain
{
    private ulong _word0;
}

/// <summary>One 128-byte BLAKE2b message block, buffered until it is known whether it is the last.</summary>
[InlineArray(Blake2b.BlockBytes)]
internal struct Blake2bBuffer
{
    private byte _byte0;
}

/// <summary>The 16-word working vector v[0..15] of BLAKE2b's F and of Argon2's permutation P.</summary>
[InlineArray(16)]
internal struct SixteenWords
{
    private ulong _word0;
}
