using System.Net.Http.Json;
using System.Text.Json;
using Tikiya.Api.ProcessTests.Infrastructure;

namespace Tikiya.Api.ProcessTests.OpenApi;

/// <summary>
/// The reference page in a real browser: Debian's Chromium, headless, loads /docs from the published binary, lets the
/// page's script run (fetch the document, render), and the rendered DOM must show every operation of the document. The
/// screenshot goes into the test results, for a person to see that the page reads well.
/// </summary>
public sealed class ApiReferenceBrowserTests
{
    // Virtual time: Chromium runs the page's timers and fetches until it is idle or this much page time has passed.
    private const string VirtualTimeBudgetMs = "20000";

    private RunningApi _api = null!;

    [OneTimeSetUp]
    public async Task StartApiAsync() =>
        _api = await RunningApi.StartAsync(TestSetup.Database.Url, new Dictionary<string, string> { ["API_DOCS_ENABLED"] = "true" });

    [OneTimeTearDown]
    public async Task StopApiAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Docs_InABrowser_RendersEveryOperationOfTheDocument()
    {
        var summaries = await OperationSummariesAsync();
        var page = $"http://127.0.0.1:{_api.Port}/docs/";
        var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "api-reference.png");

        var dom = await ChromiumAsync("--dump-dom", page);
        var shot = await ChromiumAsync($"--screenshot={screenshot}", page);

        Assert.That(File.Exists(screenshot), Is.True, shot.StandardError);
        TestContext.AddTestAttachment(screenshot, "/docs as headless Chromium renders it");
        Assert.That(summaries, Is.Not.Empty);
        Assert.That(dom.ExitCode, Is.Zero, dom.StandardError);
        Assert.Multiple(() =>
        {
            foreach (var summary in summaries)
            {
                Assert.That(dom.StandardOutput, Does.Contain(summary), $"the page shows no operation \"{summary}\"");
            }
        });
    }

    private async Task<List<string>> OperationSummariesAsync()
    {
        var document = await _api.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        return [.. document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .Where(operation => operation.Value.ValueKind == JsonValueKind.Object && operation.Value.TryGetProperty("summary", out _))
            .Select(operation => operation.Value.GetProperty("summary").GetString()!)];
    }

    private static async Task<ProcessResult> ChromiumAsync(string output, string page)
    {
        var profile = Directory.CreateTempSubdirectory("tikiya-chromium-");
        try
        {
            // --no-sandbox: the tests may run as root (CI does), where Chromium's sandbox refuses to start.
            return await ProcessRunner.RunAsync("chromium",
            [
                "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                $"--user-data-dir={profile.FullName}", "--window-size=1400,1800",
                $"--virtual-time-budget={VirtualTimeBudgetMs}", output, page,
            ], timeout: TimeSpan.FromMinutes(2));
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
