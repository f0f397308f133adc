using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tikiya.Api.ProcessTests.Infrastructure;

namespace Tikiya.Api.ProcessTests.Resilience;

/// <summary>
/// The JSON endpoints' own body limit (HTTP_MAX_JSON_BODY_BYTES), below the global one, on real Kestrel: TestServer
/// has no body size limit to set.
/// </summary>
public sealed class JsonBodyLimitTests : SharedDatabaseTest
{
    private const int JsonLimit = 2048;
    private const int ChunkFraming = 64;
    private static RunningApi? _api;

    [OneTimeSetUp]
    public static async Task StartAsync() =>
        _api = await RunningApi.StartAsync(TestSetup.Database.Url, new Dictionary<string, string>
        {
            ["HTTP_MAX_JSON_BODY_BYTES"] = JsonLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    [OneTimeTearDown]
    public static async Task StopAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }

    [Test]
    public async Task Register_WithABodyJustOverTheLimit_Gets413ProblemAndRegistersNobody()
    {
        var response = await _api!.Client.PostAsync("/api/v1/auth/register", Json(RegistrationOf(JsonLimit + 1)));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.That(await QueryAsync(db => db.Users.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task Register_WithABodyJustUnderTheLimit_Registers()
    {
        var response = await _api!.Client.PostAsync("/api/v1/auth/register", Json(RegistrationOf(JsonLimit)));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Register_WithAChunkedBodyJustOverTheLimit_Gets413ProblemAndRegistersNobody()
    {
        var response = await SendChunkedAsync(RegistrationOf(JsonLimit + 1));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.That(await QueryAsync(db => db.Users.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task Register_WithAChunkedBodyJustUnderTheLimit_Registers()
    {
        // Kestrel counts a chunked body's framing (each chunk's size line and CRLFs) against the limit too.
        var response = await SendChunkedAsync(RegistrationOf(JsonLimit - ChunkFraming));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    /// <summary>A valid registration padded with JSON whitespace to exactly <paramref name="bytes"/> bytes.</summary>
    private static byte[] RegistrationOf(int bytes)
    {
        var registration = """{"email":"ann@example.com","password":"correct horse battery"}""";
        return Encoding.UTF8.GetBytes(registration + new string(' ', bytes - Encoding.UTF8.GetByteCount(registration)));
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task<HttpResponseMessage> SendChunkedAsync(byte[] body)
    {
        using var content = new StreamContent(new MemoryStream(body)); // no length: sent chunked
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        return await _api!.Client.SendAsync(request);
    }
}
