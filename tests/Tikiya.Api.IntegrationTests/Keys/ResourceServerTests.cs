using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tikiya.Api.IntegrationTests.Keys;

/// <summary>
/// In the role of another team's service: Tikiya.ResourceServer, configured with JwtBearer and Tikiya's address as its
/// Authority and nothing else, reaches Tikiya over real HTTP on loopback (Kestrel, ES256), accepts its tokens and
/// refuses tampered ones, without ever holding a Tikiya secret.
/// </summary>
public sealed class ResourceServerTests
{
    private TestKeyFiles _keys = null!;
    private string _databaseUrl = null!;
    private TikiyaApiFactory _tikiya = null!;
    private HttpClient _tikiyaClient = null!;
    private WebApplicationFactory<ResourceServer.Program> _resourceServer = null!;
    private HttpClient _resourceClient = null!;
    private string _accessToken = null!;

    [OneTimeSetUp]
    public async Task StartBothAsync()
    {
        _keys = new TestKeyFiles();
        _databaseUrl = await TestSetup.Database.CreateDatabaseAsync();
        await MigrationHistory.MigrateAsync(_databaseUrl);
        var port = FreePort.Next();
        _tikiya = new TikiyaApiFactory(_databaseUrl, new Dictionary<string, string>
        {
            ["JWT_ALGORITHM"] = "ES256",
            ["JWT_SIGNING_KEY_FILE"] = _keys.PrivateKey(),
            ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["METRICS_PORT"] = "0", // on Kestrel the default 9464 could be taken: this test needs no metrics
        });
        _tikiya.UseKestrel(); // on PORT, as the binary listens: the resource server reaches it as it would in production
        _tikiya.StartServer();
        // The resource server checks exp on the real clock: Tikiya's moves to the present (it only goes forward).
        Assume.That(DateTimeOffset.UtcNow, Is.GreaterThan(_tikiya.Clock.GetUtcNow()));
        _tikiya.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        var tikiyaUrl = $"http://127.0.0.1:{port}";
        _tikiyaClient = new HttpClient { BaseAddress = new Uri(tikiyaUrl) };
        _resourceServer = new WebApplicationFactory<ResourceServer.Program>()
            .WithWebHostBuilder(builder => builder.UseSetting("TIKIYA_URL", tikiyaUrl));
        _resourceClient = _resourceServer.CreateClient();
        _accessToken = (await _tikiyaClient.SaveUserAndLoginAsync(_tikiya.Services)).AccessToken;
    }

    [OneTimeTearDown]
    public async Task StopBothAsync()
    {
        _resourceClient.Dispose();
        await _resourceServer.DisposeAsync();
        _tikiyaClient.Dispose();
        await _tikiya.DisposeAsync();
        await TestSetup.Database.DropDatabaseAsync(_databaseUrl);
        _keys.Dispose();
    }

    [Test]
    public async Task WhoAmI_WithTikiyasToken_Returns200WithItsSubject()
    {
        var response = await _resourceClient.SendAsync(WhoAmI(_accessToken));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("sub").GetString(), Is.EqualTo(new JsonWebToken(_accessToken).Subject));
    }

    [Test]
    public async Task WhoAmI_WithTamperedPayload_Returns401()
    {
        var parts = _accessToken.Split('.');
        var claims = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        claims["sub"] = JsonSerializer.SerializeToElement(Guid.NewGuid().ToString());
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(claims))}.{parts[2]}";

        var response = await _resourceClient.SendAsync(WhoAmI(tampered));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task WhoAmI_WithTamperedSignature_Returns401()
    {
        var signature = Base64UrlEncoder.DecodeBytes(_accessToken.Split('.')[2]);
        signature[0] ^= 1;
        var tampered = string.Join('.', _accessToken.Split('.')[..2]) + "." + Base64UrlEncoder.Encode(signature);

        var response = await _resourceClient.SendAsync(WhoAmI(tampered));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task WhoAmI_WithTokenOfAnotherKeyUnderTikiyasKid_Returns401()
    {
        var kid = new JsonWebToken(_accessToken).Kid;
        var forged = ForgedTokens.Resign(_accessToken, ForgedTokens.Es256(_keys.PrivateKey(), kid), _tikiya.Clock.GetUtcNow());

        var response = await _resourceClient.SendAsync(WhoAmI(forged));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task OpenIdConfiguration_BehindTheTrustedProxy_GivesTheForwardedScheme()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
        request.Headers.Add("X-Forwarded-Proto", "https"); // from 127.0.0.1, in TRUSTED_PROXIES by default
        request.Headers.Host = "auth.example.com";

        var metadata = await (await _tikiyaClient.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(metadata.GetProperty("jwks_uri").GetString(), Is.EqualTo("https://auth.example.com/.well-known/jwks.json"));
    }

    private static HttpRequestMessage WhoAmI(string accessToken) => new(HttpMethod.Get, "/whoami")
    {
        Headers = { Authorization = new AuthenticationHeaderValue("Bearer", accessToken) },
    };
}
