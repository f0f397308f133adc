using System.Text;
using Tikiya.Infrastructure.Security.Argon2;

namespace Tikiya.Infrastructure.UnitTests.Security.Argon2;

/// <summary>The hand-written BLAKE2b and H' under Argon2id: known answers, and libsodium's BLAKE2b on random input.</summary>
public sealed class Blake2bTests
{
    // RFC 7693 Appendix A ("abc"), and digests from Python's hashlib.blake2b (the reference C code) for the rest.
    [TestCase("", 64, "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce")]
    [TestCase("abc", 64, "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923")]
    [TestCase("The quick brown fox jumps over the lazy dog", 64, "a8add4bdddfd93e4877d2746e62817b116364a1fa7bc148d95090bc7333b3673f82401cf7aa2e4cb1ecd90296e3f14cb5413f8ed77be73045b13914cdcd6a918")]
    public void Hash_KnownText_GivesTheKnownDigest(string text, int bytes, string expectedHex)
    {
        var digest = new byte[bytes];

        Blake2b.Hash(digest, Encoding.ASCII.GetBytes(text));

        Assert.That(Convert.ToHexStringLower(digest), Is.EqualTo(expectedHex));
    }

    // Inputs of bytes 0, 1, 2 … (mod 251 for the longest): a whole block, a block and one byte, several blocks.
    [TestCase(128, 64, "2319e3789c47e2daa5fe807f61bec2a1a6537fa03f19ff32e87eecbfd64b7e0e8ccff439ac333b040f19b0c4ddd11a61e24ac1fe0f10a039806c5dcc0da3d115")]
    [TestCase(129, 64, "f59711d44a031d5f97a9413c065d1e614c417ede998590325f49bad2fd444d3e4418be19aec4e11449ac1a57207898bc57d76a1bcf3566292c20c683a5c4648f")]
    [TestCase(256, 32, "582f782226018ec33076bd8d1c42413530ac7e1126260ffc0f306ba3befc3f24")]
    [TestCase(1000, 1, "b7")]
    public void Hash_CountingBytes_GivesTheKnownDigest(int length, int bytes, string expectedHex)
    {
        var digest = new byte[bytes];

        Blake2b.Hash(digest, CountingBytes(length));

        Assert.That(Convert.ToHexStringLower(digest), Is.EqualTo(expectedHex));
    }

    [Test]
    public void Hash_RandomInputs_MatchesLibsodium()
    {
        var random = new Random(7693);
        for (var i = 0; i < 2000; i++)
        {
            var input = new byte[random.Next(0, 600)];
            random.NextBytes(input);
            var managed = new byte[random.Next(Geralt.BLAKE2b.MinHashSize, Geralt.BLAKE2b.MaxHashSize + 1)];
            var libsodium = new byte[managed.Length];

            Blake2b.Hash(managed, input);
            Geralt.BLAKE2b.ComputeHash(libsodium, input);

            Assert.That(managed, Is.EqualTo(libsodium), $"case {i}: {input.Length} bytes in, {managed.Length} out");
        }
    }

    [Test]
    public void Update_InPieces_GivesTheOneShotDigest()
    {
        var input = CountingBytes(1000);
        var oneShot = new byte[64];
        Blake2b.Hash(oneShot, input);
        var pieces = new Blake2b(64);
        var digest = new byte[64];

        foreach (var size in new[] { 0, 1, 127, 128, 129, 200, 415 })
        {
            pieces.Update(input.AsSpan(0, size));
            input = input[size..];
        }

        pieces.Finish(digest);

        Assert.That(digest, Is.EqualTo(oneShot));
    }

    // H' of bytes 0..49, from a direct Python transcription of RFC 9106 §3.3 over hashlib.blake2b.
    [TestCase(4, "b4971e23")]
    [TestCase(64, "c67eb0f1caa772a5e8be811e3f6acb72294beb02ef0a0ec5a6d77d49341b20d1c6469b76f5970ca9a3a1155e59b3a491b961362f03e7ba68af76d02fce694430")]
    [TestCase(65, "7d7023ab13d0506d6762f5cdc74ccbca6a3cea64d8162c4ca35ba5834b3de46457321a85e4d267098b1737c830381248a8a1703d8713e81cbe3cdf22168886271c")]
    [TestCase(100, "14b6b6e7fc9683a9051b6ba7bb5d8f46b0d28f40741bf2b58b43fa777a4b310f346fc33a2c4ee4da3d1e899c1536c4331b7434442a92d94cd5f6f9ae0e171e1290143622a6f907e787ad6feed30d4bb8a8cde36d3003759e0a98481c543ad1a6e2315915")]
    public void LongHash_CountingBytes_GivesTheKnownOutput(int bytes, string expectedHex)
    {
        var output = new byte[bytes];

        Blake2bLong.Hash(output, CountingBytes(50));

        Assert.That(Convert.ToHexStringLower(output), Is.EqualTo(expectedHex));
    }

    [Test]
    public void LongHash_ABlockLong_GivesTheKnownOutput()
    {
        var output = new byte[Argon2Block.Bytes];

        Blake2bLong.Hash(output, CountingBytes(50));

        // SHA-256 of the Python transcription's 1024 bytes: 30 chained hashes and a last one of 64 bytes.
        Assert.That(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(output)),
            Is.EqualTo("8e9f3ae795063e0413fcfa5e2151d19622a70ac05a0a271b8d666310a47de135"));
    }

    private static byte[] CountingBytes(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i % 251))];
}
