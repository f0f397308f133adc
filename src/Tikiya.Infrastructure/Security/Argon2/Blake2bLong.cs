using System.Security.Cryptography;

namespace Tikiya.Infrastructure.Security.Argon2;

/// <summary>
/// Argon2's variable-length hash H' (RFC 9106 §3.3): BLAKE2b for up to 64 bytes of output, else a chain of 64-byte
/// BLAKE2b hashes of which each contributes its first 32 bytes. It fills each lane's first two blocks and makes the tag.
/// </summary>
internal static class Blake2bLong
{
    private const int HalfHash = Blake2b.MaxOutputBytes / 2;

    public static void Hash(Span<byte> output, ReadOnlySpan<byte> input)
    {
        ArgumentOutOfRangeException.ThrowIfZero(output.Length);
        if (output.Length <= Blake2b.MaxOutputBytes)
        {
            var state = new Blake2b(output.Length);
            state.Update((uint)output.Length);
            state.Update(input);
            state.Finish(output);
            return;
        }

        Span<byte> link = stackalloc byte[Blake2b.MaxOutputBytes]; // V_i: derived from the password, wiped below
        try
        {
            var first = new Blake2b(Blake2b.MaxOutputBytes);
            first.Update((uint)output.Length);
            first.Update(input);
            first.Finish(link);
            var links = (output.Length + HalfHash - 1) / HalfHash - 2; // r = ceil(T / 32) - 2
            for (var i = 1; i < links; i++)
            {
                link[..HalfHash].CopyTo(output[((i - 1) * HalfHash)..]);
                Blake2b.Hash(link, link); // the state copies its input before writing the output
            }

            link[..HalfHash].CopyTo(output[((links - 1) * HalfHash)..]);
            Blake2b.Hash(output[(links * HalfHash)..], link); // V_{r+1}: the last T - 32r bytes
        }
        finally
        {
            CryptographicOperations.ZeroMemory(link);
        }
    }
}
