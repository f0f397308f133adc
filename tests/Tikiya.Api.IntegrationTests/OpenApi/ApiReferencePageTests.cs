using System.Net;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.OpenApi;

/// <summary>
/// /docs follows API_DOCS_ENABLED; the OpenAPI document is served either way (docs/configuration.md). The page itself
/// is checked in a browser by the process tests (ApiReferenceBrowserTests).
/// </summary>
public sealed class ApiReferencePageTests : ApiTest
{
    [Test]
    public async Task Docs_ByDefault_Returns404Problem_AndTheDocumentStays()
    {
        var page = await Client.GetAsync("/docs");
        var document = await Client.GetAsync("/openapi/v1.json");

        await ProblemAssert.IsProblemAsync(page, HttpStatusCode.NotFound);
        Assert.That(document.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Docs_WhenEnabled_ServesThePageAndItsScript()
    {
        await using var app = await IsolatedApp.StartAsync(new Dictionary<string, string> { ["API_DOCS_ENABLED"] = "true" });

        var page = await app.Client.GetAsync("/docs");
        var script = await app.Client.GetAsync("/docs/scalar.js");

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("openapi/v1.json"));
        Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
