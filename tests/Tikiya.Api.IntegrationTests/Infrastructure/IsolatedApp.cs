using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Tikiya.Api.IntegrationTests.Infrastructure;

/// <summary>
/// The app in memory with settings of its own, on a new database of its own. Every app runs a mail sender, and a
/// second app on the shared database could send the shared app's mails (or the shared app this one's); here each
/// app has its outbox to itself. Disposing it stops the app and drops its database.
/// </summary>
public sealed class IsolatedApp : IAsyncDisposable
{
    private readonly TikiyaApiFactory _factory;
    private readonly WebApplicationFactory<Program> _app;

    private IsolatedApp(string connectionString, TikiyaApiFactory factory, WebApplicationFactory<Program> app)
    {
        ConnectionString = connectionString;
        _factory = factory;
        _app = app;
        Client = app.CreateClient();
        Management = app.CreateManagementClient();
    }

    /// <summary>The app's own database, as an Npgsql connection string.</summary>
    public string ConnectionString { get; }

    public HttpClient Client { get; }

    /// <summary>A client of the app's management listener: its metrics.</summary>
    public HttpClient Management { get; }

    public FakeTimeProvider Clock => _factory.Clock;

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Migrates a new database first, then starts the app on it (so its sender's first round finds the tables).
    /// <paramref name="configure"/> adds to the host, a logger provider say.
    /// </summary>
    public static async Task<IsolatedApp> StartAsync(IReadOnlyDictionary<string, string> settings,
        Action<IWebHostBuilder>? configure = null)
    {
        var connectionString = await TestSetup.Database.CreateDatabaseAsync();
        try
        {
            await MigrationHistory.MigrateAsync(connectionString);
            var factory = new TikiyaApiFactory(connectionString, settings);
            var app = configure is null ? factory : factory.WithWebHostBuilder(configure);
            return new IsolatedApp(connectionString, factory, app);
        }
        catch
        {
            await TestSetup.Database.DropDatabaseAsync(connectionString);
            throw;
        }
    }

    /// <summary>A round of the sender, awaited with every attempt in flight (<see cref="MailOutbox.SettleAsync"/>).</summary>
    public Task SettleAsync() => MailOutbox.SettleAsync(Services, ConnectionString);

    public Task<IReadOnlyList<OutboxRow>> OutboxAsync() => MailOutbox.ReadAsync(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Management.Dispose();
        await _app.DisposeAsync();
        if (!ReferenceEquals(_app, _factory))
        {
            await _factory.DisposeAsync();
        }

        await TestSetup.Database.DropDatabaseAsync(ConnectionString);
    }
}
