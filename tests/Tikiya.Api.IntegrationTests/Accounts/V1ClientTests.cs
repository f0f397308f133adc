using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Accounts;

/// <summary>
/// API.md v1.1: "A v1 client keeps working against a v1.1 server": with the default settings, an account that never
/// verifies its email registers, logs in, refreshes and reads itself as in v1; User only gains fields.
/// </summary>
public sealed class V1ClientTests : ApiTest
{
    [Test]
    public async Task Register_AsAV1Client_Returns201UserWithTheV1FieldsAndEmailVerifiedFalse()
    {
        var response = await new UserBuilder().RegisterAsync(Client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var user = await response.Content.ReadFromJsonAsync<JsonElement>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(user.GetProperty("id").GetGuid(), Is.Not.EqualTo(Guid.Empty));
            Assert.That(user.GetProperty("email").GetString(), Is.EqualTo(UserBuilder.DefaultEmail));
            Assert.That(user.GetProperty("createdAt").ValueKind, Is.EqualTo(JsonValueKind.String));
            Assert.That(user.GetProperty("emailVerified").GetBoolean(), Is.False);
        }
    }

    [Test]
    public async Task Login_AsAV1ClientWithAnUnverifiedEmail_Returns200TokensAsInV1()
    {
        await new UserBuilder().RegisterAsync(Client);

        var response = await Client.LoginAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var tokens = await response.Content.ReadFromJsonAsync<JsonElement>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(tokens.GetProperty("tokenType").GetString(), Is.EqualTo("Bearer"));
            Assert.That(tokens.GetProperty("accessToken").GetString(), Is.Not.Empty);
            Assert.That(tokens.GetProperty("expiresIn").GetInt32(), Is.EqualTo(900));
            Assert.That(tokens.GetProperty("refreshToken").GetString(), Is.Not.Empty);
        }
    }

    [Test]
    public async Task V1Flow_WithAnUnverifiedEmail_RefreshesReadsItselfAndLogsOut()
    {
        var tokens = await Client.RegisterAndLoginAsync();

        var refreshed = await Client.RefreshAsync(tokens.RefreshToken);
        var next = (await refreshed.Content.ReadFromJsonAsync<Tokens>())!;
        var me = await Client.MeAsync(next.AccessToken);
        var logout = await Client.LogoutAsync(next.RefreshToken);

        Assert.That(refreshed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(logout.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await ProblemAssert.IsProblemAsync(await Client.MeAsync(next.AccessToken), HttpStatusCode.Unauthorized, "not_authenticated");
    }

    [Test]
    public async Task Login_AsAV1ClientWithWrongPassword_Returns401AsInV1()
    {
        await new UserBuilder().RegisterAsync(Client);

        var response = await Client.LoginAsync(password: "wrong horse battery");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "invalid_credentials");
    }
}
