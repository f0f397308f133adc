namespace Tikiya.Api.ProcessTests.Infrastructure;

/// <summary>
/// Base of the tests that run processes of their own on an empty database of their own (created on the shared
/// server before each test, dropped after it), so nothing they do reaches the shared app's rows.
/// </summary>
public abstract class OwnDatabaseTest
{
    /// <summary>The test's database, as an Npgsql connection string.</summary>
    protected string Database { get; private set; } = null!;

    [SetUp]
    public async Task CreateDatabaseAsync() => Database = await TestSetup.Database.CreateDatabaseAsync();

    [TearDown]
    public async Task DropDatabaseAsync() => await TestSetup.Database.DropDatabaseAsync(Database);
}
