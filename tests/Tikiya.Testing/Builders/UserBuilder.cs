using System.Net.Http.Json;

namespace Tikiya.Testing.Builders;

/// <summary>A registration with valid defaults, so a test states only what it is about.</summary>
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

    public Task<HttpResponseMessage> RegisterAsync(HttpClient client) =>
        client.PostAsJsonAsync("/api/v1/auth/register", Body);
}
