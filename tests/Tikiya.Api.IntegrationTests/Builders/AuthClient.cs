using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Tikiya.Api.IntegrationTests.Builders;

/// <summary>The calls a client app makes, so tests read as the flow they check.</summary>
public static class AuthClient
{
    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email = UserBuilder.DefaultEmail,
        string password = UserBuilder.DefaultPassword) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });

    public static async Task<Tokens> RegisterAndLoginAsync(this HttpClient client, string email = UserBuilder.DefaultEmail,
        string password = UserBuilder.DefaultPassword)
    {
        var registered = await new UserBuilder().WithEmail(email).WithPassword(password).RegisterAsync(client);
        Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Created), await registered.Content.ReadAsStringAsync());
        return await client.LoginOkAsync(email, password);
    }

    public static async Task<Tokens> LoginOkAsync(this HttpClient client, string email = UserBuilder.DefaultEmail,
        string password = UserBuilder.DefaultPassword)
    {
        var response = await client.LoginAsync(email, password);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Tokens>())!;
    }

    public static Task<HttpResponseMessage> RefreshAsync(this HttpClient client, string refreshToken) =>
        client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });

    public static Task<HttpResponseMessage> LogoutAsync(this HttpClient client, string refreshToken) =>
        client.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken });

    public static Task<HttpResponseMessage> LogoutAllAsync(this HttpClient client, string? accessToken) =>
        client.SendAsync(WithBearer(new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout-all"), accessToken));

    public static Task<HttpResponseMessage> MeAsync(this HttpClient client, string? accessToken) =>
        client.SendAsync(WithBearer(new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/me"), accessToken));

    private static HttpRequestMessage WithBearer(HttpRequestMessage request, string? accessToken)
    {
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return request;
    }
}
