using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Observability;

/// <summary>
/// Metrics only on the management port (METRICS_PORT), and nothing of the API there. The real sockets, nginx and the
/// spellings that only a raw request line carries are Deployment/ExposureTests' (Tikiya.Api.ProcessTests).
/// </summary>
public sealed class ManagementListenerTests : ApiTest
{
    [TestCase("/metrics")]
    [TestCase("/Metrics")]
    [TestCase("/METRICS")]
    [TestCase("/metrics/")]
    [TestCase("//metrics")]
    public async Task Metrics_OnTheApisPort_Answer404Problem(string path)
    {
        var response = await Client.GetAsync(new Uri(path, UriKind.Relative));

        var body = await response.Content.ReadAsStringAsync();
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
        Assert.That(body, Does.Not.Contain("# TYPE"));
    }

    [TestCase("/metrics")]
    [TestCase("/Metrics")]
    [TestCase("/metrics/")]
    public async Task Metrics_OnTheManagementPort_AreServed(string path)
    {
        using var management = Factory.CreateManagementClient();

        var response = await management.GetAsync(new Uri(path, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("# TYPE dotnet_gc_collections_total"));
    }

    [TestCase("GET", "/api/v1/users/me")]
    [TestCase("POST", "/api/v1/auth/login")]
    [TestCase("GET", "/openapi/v1.json")]
    [TestCase("GET", "/.well-known/jwks.json")]
    [TestCase("GET", "/metrics/more")]
    public async Task ApiRoutes_OnTheManagementPort_Answer404Problem(string method, string path)
    {
        using var management = Factory.CreateManagementClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? JsonContent.Create(new { email = UserBuilder.DefaultEmail, password = UserBuilder.DefaultPassword }) : null,
        };

        var response = await management.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    public async Task Health_OnTheManagementPort_Answers(string path)
    {
        using var management = Factory.CreateManagementClient();

        var response = await management.GetAsync(new Uri(path, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task Metrics_WithMetricsPortZero_AreServedNowhere()
    {
        await using var app = Factory.WithWebHostBuilder(b => b.UseSetting("METRICS_PORT", "0"));
        using var onTheDefaultPort = new HttpClient(app.Server.CreateHandler(context => context.Connection.LocalPort = 9464))
        {
            BaseAddress = new Uri("http://localhost"),
        };

        var response = await onTheDefaultPort.GetAsync(new Uri("/metrics", UriKind.Relative));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }
}
