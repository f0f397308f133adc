using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Api.ProcessTests.Infrastructure;

/// <summary>
/// Base of the tests whose API processes run on the run's shared database (<see cref="TestSetup.Database"/>): emptied
/// before each test, and read directly, as the API stored it.
/// </summary>
public abstract class SharedDatabaseTest
{
    /// <summary>The shared database, for a test that works on it beside the API (locks, raw SQL).</summary>
    protected static string ConnectionString => DatabaseConnectionString.Parse(TestSetup.Database.Url).ConnectionString;

    [SetUp]
    public Task ResetDatabaseAsync() => TestSetup.Reset.ResetAsync();

    /// <summary>Reads the database directly, as the API stored it.</summary>
    protected static async Task<T> QueryAsync<T>(Func<TikiyaDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = MigrationHistory.CreateContext(ConnectionString, out var dataSource);
        await using (dataSource)
        {
            return await query(db);
        }
    }
}
