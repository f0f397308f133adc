using Microsoft.Extensions.DependencyInjection;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Api.IntegrationTests.Infrastructure;

/// <summary>Base of the tests that call the shared app: an empty database and a fresh client for each test.</summary>
public abstract class ApiTest
{
    protected HttpClient Client { get; private set; } = null!;

    protected static TikiyaApiFactory Factory => TestSetup.Factory;

    /// <summary>The shared app's database, for a test that works on it beside the app (locks, raw SQL).</summary>
    protected static string ConnectionString => DatabaseConnectionString.Parse(TestSetup.Database.Url).ConnectionString;

    [SetUp]
    public async Task ResetDatabaseAndClientAsync()
    {
        await TestSetup.Reset.ResetAsync();
        TestSetup.Smtp.Clear();
        Client = Factory.CreateClient();
    }

    [TearDown]
    public void DisposeClient() => Client.Dispose();

    /// <summary>Reads the database directly, as the app stored it.</summary>
    protected static async Task<T> QueryAsync<T>(Func<TikiyaDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TikiyaDbContext>());
    }
}
