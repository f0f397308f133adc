using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Tikiya.Infrastructure.Security.Argon2;

/// <summary>
/// Unkeyed BLAKE2b (RFC 7693), the hash inside Argon2's H0 and H'. Hand-written because it runs only a few dozen
/// compressions per password hash and must not allocate: the state is a stack value, fed in pieces, and wiped by
/// <see cref="Finish"/> since it holds password-derived bytes.
/// </summary>
internal struct Blake2b
{
    public const int BlockBytes = 128;
    public const int MaxOutputBytes = 64;

    private Blake2bChain _chain;
    private Blake2bBuffer _buffer;
    private ulong _bytesCompressed; // the counter's high word stays 0: Argon2 never hashes 2^64 bytes
    private int _buffered;
    private readonly int _outputBytes;

    public Blake2b(int outputBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outputBytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(outputBytes, MaxOutputBytes);
        _outputBytes = outputBytes;
        Blake2bRounds.InitialVector.CopyTo(_chain);
        _chain[0] ^= 0x0101_0000UL ^ (uint)outputBytes; // parameter block: fanout 1, depth 1, no key (RFC 7693 §2.5)
    }

    public void Update(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
        {
            if (_buffered == BlockBytes)
            {
                // Compress a full buffer only once more input arrives: the last block gets the final flag.
                _bytesCompressed += BlockBytes;
                Blake2bRounds.Compress(ref _chain, _buffer, _bytesCompressed, isLastBlock: false);
                _buffered = 0;
            }

            var take = Math.Min(BlockBytes - _buffered, data.Length);
            data[..take].CopyTo(((Span<byte>)_buffer)[_buffered..]);
            _buffered += take;
            data = data[take..];
        }
    }

    /// <summary>Argon2's LE32(n), the length and parameter fields of H0 and H'.</summary>
    public void Update(uint value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(uint)];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        Update(bytes);
    }

    public void Finish(Span<byte> output)
    {
        if (output.Length != _outputBytes)
        {
            throw new ArgumentException($"BLAKE2b was set up for {_outputBytes} bytes of output.", nameof(output));
        }

        ((Span<byte>)_buffer)[_buffered..].Clear(); // the last block is zero-padded
        _bytesCompressed += (ulong)_buffered;
        Blake2bRounds.Compress(ref _chain, _buffer, _bytesCompressed, isLastBlock: true);
        Span<byte> digest = stackalloc byte[MaxOutputBytes];
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(digest[(i * sizeof(ulong))..], _chain[i]);
        }

        digest[..output.Length].CopyTo(output);
        CryptographicOperations.ZeroMemory(digest);
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref this, 1)));
    }

    public static void Hash(Span<byte> output, ReadOnlySpan<byte> data)
    {
        var state = new Blake2b(output.Length);
        state.Update(data);
        state.Finish(output);
    }
}
