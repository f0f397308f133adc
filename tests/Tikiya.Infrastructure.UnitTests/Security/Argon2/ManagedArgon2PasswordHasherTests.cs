using System.Text;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Security;
using Tikiya.Infrastructure.Security.Argon2;

namespace Tikiya.Infrastructure.UnitTests.Security.Argon2;

/// <summary>
/// PASSWORD_HASHER=managed: its PHC strings and libsodium's and Isopoh's verify each other, and its reused working
/// memory carries nothing from one hash to the next. A small cost keeps hundreds of hashes fast.
/// </summary>
public sealed class ManagedArgon2PasswordHasherTests
{
    private static readonly PasswordHashingOptions SmallCost = new() { MemoryKib = 64, Iterations = 2 };
    private static readonly string[] Alphabet = ["a", "Z", "7", " ", "$", "é", "ß", "密", "码", "🔑", "\0", "\u202e"];

    private const string ReadableHash = "$argon2id$v=19$m=64,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    private readonly ManagedArgon2PasswordHasher _managed = new(Wrap(SmallCost));
    private readonly LibsodiumPasswordHasher _libsodium = new(Wrap(SmallCost));
    private readonly IsopohPasswordHasher _isopoh = new(Wrap(SmallCost));

    [Test]
    public void Hash_RandomPasswords_VerifyWithLibsodiumAndIsopohButNotWhenWrong()
    {
        var random = new Random(1);
        for (var i = 0; i < 100; i++)
        {
            var password = RandomPassword(random);

            var hash = _managed.HashPassword(password);

            Assert.That(_libsodium.VerifyPassword(password, hash), Is.Not.EqualTo(PasswordVerification.Failed), $"case {i}");
            Assert.That(_isopoh.VerifyPassword(password, hash), Is.Not.EqualTo(PasswordVerification.Failed), $"case {i}");
            Assert.That(_managed.VerifyPassword(password + "x", hash), Is.EqualTo(PasswordVerification.Failed), $"case {i}");
        }
    }

    [Test]
    public void Verify_RandomPasswordsHashedByLibsodiumAndIsopoh_SucceedsButNotWhenWrong()
    {
        var random = new Random(2);
        for (var i = 0; i < 100; i++)
        {
            var password = RandomPassword(random);
            Argon2PasswordHasher other = i % 2 == 0 ? _libsodium : _isopoh;

            var hash = other.HashPassword(password);

            Assert.That(_managed.VerifyPassword(password, hash), Is.Not.EqualTo(PasswordVerification.Failed), $"case {i}: {other}");
            Assert.That(_managed.VerifyPassword(password + "x", hash), Is.EqualTo(PasswordVerification.Failed), $"case {i}: {other}");
        }
    }

    [Test]
    public void TryParse_TheStringTheCasesBelowAlter_Succeeds()
    {
        var parsed = Argon2PhcString.TryParse(ReadableHash, PasswordHashingOptions.MaxMemoryKib, PasswordHashingOptions.MaxIterations,
            out var cost, out var salt, out var tag);

        Assert.That(parsed, Is.True);
        Assert.That((cost.MemoryKib, cost.Iterations, cost.Lanes, salt!.Length, tag!.Length), Is.EqualTo((64, 2, 1, 16, 32)));
    }

    [TestCase("$argon2id$v=19$m=64,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$", TestName = "Verify_NoTag_IsAMismatch")]
    [TestCase("$argon2id$v=16$m=64,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", TestName = "Verify_Version16_IsAMismatch")]
    [TestCase("$argon2i$v=19$m=64,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", TestName = "Verify_Argon2i_IsAMismatch")]
    [TestCase("$argon2id$v=19$m=4,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", TestName = "Verify_LessThanEightKibPerLane_IsAMismatch")]
    [TestCase("$argon2id$v=19$m=2000000,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", TestName = "Verify_MoreMemoryThanAllowed_IsAMismatch")]
    [TestCase("$argon2id$v=19$m=64,t=17,p=1$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", TestName = "Verify_MorePassesThanAllowed_IsAMismatch")]
    [TestCase("$argon2id$v=19$m=64,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdB$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", TestName = "Verify_NonCanonicalBase64_IsAMismatch")]
    [TestCase("$argon2id$v=19$m=64,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", TestName = "Verify_PaddedBase64_IsAMismatch")]
    [TestCase("$argon2id$v=19$m=64,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n", TestName = "Verify_TrailingNewline_IsAMismatch")]
    [TestCase("$argon2id$v=19$m=064,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", TestName = "Verify_LeadingZero_IsAMismatch")]
    public void Verify_StoredHashItCannotRead_IsAMismatchNotAnError(string storedHash)
    {
        var managed = new ManagedArgon2PasswordHasher(Wrap(SmallCost));

        var verification = managed.VerifyPassword("correct horse battery", storedHash);

        Assert.That(verification, Is.EqualTo(PasswordVerification.Failed));
        Assert.That(managed.WorkingMemory.Idle, Is.Empty); // refused before any memory was asked for
    }

    [Test]
    public void HashAndVerify_WhenDone_LeaveTheKeptBufferZero()
    {
        var managed = new ManagedArgon2PasswordHasher(Wrap(SmallCost));

        var hash = managed.HashPassword("correct horse battery");
        managed.VerifyPassword("correct horse battery", hash);

        Assert.That(managed.WorkingMemory.Idle, Has.Count.EqualTo(1));
        Assert.That(managed.WorkingMemory.Idle.All(memory => memory.IsZero), Is.True);
    }

    [Test]
    public void Lease_WhenTheHashThrows_LeavesTheBufferZero()
    {
        var pool = new Argon2MemoryPool(1);
        var input = Argon2Case.ForLibsodium(new Random(3), 4);

        Assert.Throws<InvalidOperationException>(() =>
        {
            using var lease = pool.Rent(Argon2idCore.MemoryBlocks(input.Cost));
            var tag = new byte[input.TagBytes];
            Argon2idCore.ComputeTag(tag, input.Password, input.Salt, [], [], input.Cost, lease.Blocks);
            throw new InvalidOperationException("a failure after the blocks were filled");
        });

        Assert.That(pool.Idle, Has.Count.EqualTo(1));
        Assert.That(pool.Idle[0].IsZero, Is.True);
    }

    [Test]
    public void ComputeTag_AfterOtherHashesInTheBuffer_GivesWhatAFreshThreadGives()
    {
        var random = new Random(4);
        var reused = new Argon2MemoryPool(1);
        for (var i = 0; i < 50; i++)
        {
            var before = Argon2Case.ForIsopoh(random, i);
            var input = Argon2Case.ForIsopoh(random, i + 3); // another size: the buffer is bigger than it needs
            before.Managed(reused);

            var afterOthers = input.Managed(reused);
            var fresh = OnFreshThread(() => input.Managed(new Argon2MemoryPool(1)));

            Assert.That(afterOthers, Is.EqualTo(fresh), $"case {i}: {input} after {before}");
        }
    }

    [Test]
    public void ComputeTag_OnSeveralThreadsAtOnce_GivesEachInputItsTag()
    {
        const int threads = 8;
        var pool = new Argon2MemoryPool(2);
        var inputs = Enumerable.Range(0, threads * 25).Select(i => Argon2Case.ForLibsodium(new Random(i), i)).ToArray();
        var expected = inputs.Select(input => input.Libsodium()).ToArray();
        var actual = new byte[inputs.Length][];

        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            for (var i = t; i < inputs.Length; i += threads)
            {
                actual[i] = inputs[i].Managed(pool);
            }
        })).ToList();
        workers.ForEach(worker => worker.Start());
        workers.ForEach(worker => worker.Join());

        Assert.That(actual, Is.EqualTo(expected));
        Assert.That(pool.Idle, Has.Count.InRange(1, 2)); // never more kept than the pool's capacity
        Assert.That(pool.Idle.All(memory => memory.IsZero), Is.True);
    }

    private static T OnFreshThread<T>(Func<T> compute)
    {
        T result = default!;
        var thread = new Thread(() => result = compute());
        thread.Start();
        thread.Join();
        return result;
    }

    private static string RandomPassword(Random random)
    {
        var password = new StringBuilder();
        var bytes = random.Next(0, 129); // UTF-8 bytes, give or take the last character's
        while (Encoding.UTF8.GetByteCount(password.ToString()) < bytes)
        {
            password.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return password.ToString();
    }

    private static Microsoft.Extensions.Options.IOptions<PasswordHashingOptions> Wrap(PasswordHashingOptions options) =>
        Microsoft.Extensions.Options.Options.Create(options);
}
