namespace Tikiya.Testing;

/// <summary>
/// Base of the tests that run processes or apps of their own on an empty database of their own (created on the run's
/// server before each test, dropped after it), so nothing they do reaches the shared app's rows.
/// </summary>
public abstract class OwnDatabaseTest
{
    /// <summary>The test's database, as an Npgsql connection string.</summary>
    protected string Database { get; private set; } = null!;

    [SetUp]
    public async Task CreateDatabaseAsync() => Database = await TestDatabase.Current.CreateDatabaseAsync();

    [TearDown]
    public async Task DropDatabaseAsync() => await TestDatabase.Current.DropDatabaseAsync(Database);
}
