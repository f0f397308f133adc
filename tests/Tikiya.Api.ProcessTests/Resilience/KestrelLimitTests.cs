using System.Net;
using System.Net.Sockets;
using System.Text;
using Tikiya.Api.ProcessTests.Infrastructure;

namespace Tikiya.Api.ProcessTests.Resilience;

/// <summary>What real Kestrel refuses at the socket: oversized bodies and headers, and clients too slow to send them.</summary>
public sealed class KestrelLimitTests
{
    private static RunningApi? _api;

    [OneTimeSetUp]
    public static async Task StartAsync() =>
        _api = await RunningApi.StartAsync(TestSetup.Database.Url, new Dictionary<string, string>
        {
            ["HTTP_MAX_BODY_BYTES"] = "4096",
            ["HTTP_MAX_JSON_BODY_BYTES"] = "4096", // at most the global limit
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
    public async Task Post_BodyOverTheLimit_Gets413Problem()
    {
        var body = $$"""{"email":"ann@example.com","password":"{{new string('p', 5000)}}"}""";

        var response = await _api!.Client.PostAsync("/api/v1/auth/register", new StringContent(body, Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Test]
    public async Task Post_ChunkedBodyOverTheLimit_Gets413Problem()
    {
        var body = $$"""{"email":"ann@example.com","password":"{{new string('p', 5000)}}"}""";
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/register") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _api!.Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Test]
    public async Task Request_WithHugeHeaders_Gets431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Padding", new string('x', 20 * 1024));

        var response = await _api!.Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestHeaderFieldsTooLarge));
    }

    [Test]
    public async Task Client_ThatNeverFinishesItsHeaders_IsDisconnected()
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, _api!.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync("GET /health/live HTTP/1.1\r\nHost: localhost\r\n"u8.ToArray());

        // Kestrel's RequestHeadersTimeout (10 s) closes it; the bound here only keeps a broken build from hanging.
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var buffer = new byte[1024];
        int read;
        var received = new StringBuilder();
        while ((read = await stream.ReadAsync(buffer, bound.Token)) > 0)
        {
            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        Assert.That(received.ToString(), Does.Not.Contain("200 OK"), "the connection ended without serving the request");
    }
}
