using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Users;

namespace Tikiya.Testing.Builders;

/// <summary>A user with valid defaults, so a test states only what it is about.</summary>
public sealed class UserBuilder
{
    public const string DefaultEmail = "ann@example.com";
    public const string DefaultPassword = "correct horse battery";

    private string _email = DefaultEmail;
    private string _password = DefaultPassword;

    public UserBuilder WithEmail(string email)
    {
        _email = email;
        return this;
    }

    public UserBuilder WithPassword(string password)
    {
        _password = password;
        return this;
    }

    public object Body => new { email = _email, password = _password };

    /// <summary>Through the API, for a test whose subject is register (its answer, its mail, its races).</summary>
    public Task<HttpResponseMessage> RegisterAsync(HttpClient client) =>
        client.PostAsJsonAsync("/api/v1/auth/register", Body);

    /// <summary>
    /// The account register creates (the domain's <see cref="User.Register"/>, email not verified, created at the
    /// app's clock), inserted through the app's own DbContext in <paramref name="services"/>, so a test that only needs
    /// an account neither depends on register nor pays an Argon2 hash for it (<see cref="PasswordHashes"/>). Unlike
    /// register, it queues no verification code or mail: the outbox holds only what the test itself causes.
    /// </summary>
    public async Task<User> SaveAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var passwordHash = await PasswordHashes.HashAsync(services, _password, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var user = User.Register(Email.Create(_email), passwordHash, now);
        var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }
}
