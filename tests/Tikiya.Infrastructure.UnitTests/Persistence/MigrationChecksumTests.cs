using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tikiya.Infrastructure.UnitTests.Persistence;

/// <summary>
/// Applied migrations are never edited (ARCHITECTURE.md, Data): each migration's SQL has a recorded checksum, and a
/// change to one fails here. A new migration needs its line in MigrationChecksums.txt, which this test prints.
/// </summary>
public sealed class MigrationChecksumTests
{
    private static readonly string ChecksumFile =
        Path.Combine(RepositoryPaths.Root, "tests", "Tikiya.Infrastructure.UnitTests", "Persistence", "MigrationChecksums.txt");

    [Test]
    public void Migrations_AllHaveTheirRecordedChecksum()
    {
        var recorded = File.ReadAllLines(ChecksumFile)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', 2, StringSplitOptions.TrimEntries))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

        var actual = ComputeChecksums();

        using (Assert.EnterMultipleScope())
        {
            foreach (var (migration, checksum) in actual)
            {
                if (!recorded.TryGetValue(migration, out var expected))
                {
                    Assert.Fail($"New migration: add this line to MigrationChecksums.txt:\n{migration} {checksum}");
                    continue;
                }

                Assert.That(checksum, Is.EqualTo(expected),
                    $"Migration {migration} was edited. Applied migrations are never changed: revert it and add a new migration.");
            }

            Assert.That(recorded.Keys.Except(actual.Keys), Is.Empty, "A migration that was recorded has disappeared.");
        }
    }

    private static Dictionary<string, string> ComputeChecksums()
    {
        using var db = MigrationHistory.CreateContext("Host=localhost;Database=none", out var dataSource);
        using (dataSource)
        {
            var migrations = db.GetService<IMigrationsAssembly>();
            var generator = db.GetService<IMigrationsSqlGenerator>();
            var provider = db.Database.ProviderName!;
            return migrations.Migrations.ToDictionary(m => m.Key, m =>
            {
                var migration = migrations.CreateMigration(m.Value, provider);
                var sql = string.Join("\n", generator.Generate(migration.UpOperations).Select(c => c.CommandText));
                return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql.ReplaceLineEndings("\n"))));
            }, StringComparer.Ordinal);
        }
    }
}
