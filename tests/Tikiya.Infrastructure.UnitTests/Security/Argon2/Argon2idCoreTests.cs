using System.Runtime.Intrinsics.X86;
using Tikiya.Infrastructure.Security.Argon2;

namespace Tikiya.Infrastructure.UnitTests.Security.Argon2;

/// <summary>The managed Argon2id is the standard one: RFC 9106's vector, and every SIMD path equal to the scalar one.</summary>
public sealed class Argon2idCoreTests
{
    private delegate void FillBlock(ref Argon2Block previous, ref Argon2Block reference, ref Argon2Block next,
        ref Argon2Block work, bool xorIntoNext);

    [Test]
    public void ComputeTag_Rfc9106Argon2idVector_GivesTheRfcTag()
    {
        // RFC 9106 §5.3: four lanes, a secret and associated data, 32 KiB, three passes.
        var vector = new Argon2Case(Filled(32, 0x01), Filled(16, 0x02), Filled(8, 0x03), Filled(12, 0x04), MemoryKib: 32,
            Iterations: 3, Lanes: 4, TagBytes: 32);

        var tag = vector.Managed(new Argon2MemoryPool(1));

        Assert.That(Convert.ToHexStringLower(tag), Is.EqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"));
    }

    [Test]
    public void Path_OnThisMachine_IsTheWidestItHas()
    {
        Assert.That(Argon2Compression.Path, Is.EqualTo(Avx2.IsSupported ? "AVX2 (Vector256)" : Sse2.IsSupported ? "SSE2 (Vector128)" : "scalar"));
    }

    [TestCase(false), TestCase(true)]
    public void Fill_Avx2Path_GivesTheScalarPathsBlock(bool xorIntoNext)
    {
        if (!Avx2.IsSupported)
        {
            Assert.Ignore("no AVX2 on this processor");
        }

        AssertSameAsScalar(Argon2CompressionAvx2.Fill, xorIntoNext);
    }

    [TestCase(false), TestCase(true)]
    public void Fill_Sse2Path_GivesTheScalarPathsBlock(bool xorIntoNext)
    {
        if (!Sse2.IsSupported)
        {
            Assert.Ignore("no SSE2 on this processor");
        }

        AssertSameAsScalar(Argon2CompressionSse2.Fill, xorIntoNext);
    }

    [Test]
    public void ComputeTag_DirtyMemory_GivesTheTagOfCleanMemory()
    {
        var vector = Argon2Case.ForIsopoh(new Random(9106), 4);
        var memory = new Argon2Memory(Argon2idCore.MemoryBlocks(vector.Cost));
        var expected = vector.Managed(new Argon2MemoryPool(1));
        var blocks = memory.Span(memory.Blocks);
        new Random(1).NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(blocks));
        var tag = new byte[vector.TagBytes];

        Argon2idCore.ComputeTag(tag, vector.Password, vector.Salt, vector.Secret, vector.AssociatedData, vector.Cost, blocks);

        Assert.That(tag, Is.EqualTo(expected));
    }

    private static void AssertSameAsScalar(FillBlock path, bool xorIntoNext)
    {
        var random = new Random(xorIntoNext ? 13 : 19);
        for (var i = 0; i < 200; i++)
        {
            var inputs = new Argon2Block[3];
            random.NextBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(inputs.AsSpan()));
            var (expected, actual) = (inputs[2], inputs[2]);
            Argon2Block work = default;

            Argon2CompressionScalar.Fill(ref inputs[0], ref inputs[1], ref expected, ref work, xorIntoNext);
            path(ref inputs[0], ref inputs[1], ref actual, ref work, xorIntoNext);

            Assert.That(Words(actual), Is.EqualTo(Words(expected)), $"case {i}");
        }

        // Address blocks are compressed in place: reference and next are one block.
        var (inPlaceExpected, inPlaceActual) = (default(Argon2Block), default(Argon2Block));
        inPlaceExpected[0] = inPlaceActual[0] = 42;
        Argon2Block zero = default, scratch = default;
        Argon2CompressionScalar.Fill(ref zero, ref inPlaceExpected, ref inPlaceExpected, ref scratch, xorIntoNext: false);
        path(ref zero, ref inPlaceActual, ref inPlaceActual, ref scratch, xorIntoNext: false);
        Assert.That(Words(inPlaceActual), Is.EqualTo(Words(inPlaceExpected)), "in place");
    }

    private static ulong[] Words(Argon2Block block) => [.. (ReadOnlySpan<ulong>)block];

    private static byte[] Filled(int length, byte value) => Enumerable.Repeat(value, length).ToArray();
}
