using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tikiya.Infrastructure.Security;

namespace Tikiya.Testing.Passwords;

/// <summary>
/// A Pwned Passwords range API on loopback (<c>GET /range/{prefix}</c>, <c>SUFFIX:COUNT</c> lines, padding with
/// <c>Add-Padding: true</c>) that a test tells what to answer: the ranges of the passwords it breached, a 500, or
/// nothing at all (it holds the request until the client gives up).
/// </summary>
public sealed class PwnedPasswordsStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _breachedHashes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<StubRequest> _requests = new();
    private volatile StubBehaviour _behaviour = StubBehaviour.Answer;

    private PwnedPasswordsStub(WebApplication app) => _app = app;

    /// <summary>The base URL, for <c>PASSWORD_BREACH_CHECK_URL</c>.</summary>
    public string Url => _app.Urls.Single();

    public IReadOnlyCollection<StubRequest> Requests => _requests;

    public static async Task<PwnedPasswordsStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new PwnedPasswordsStub(app);
        app.MapGet("/range/{prefix}", stub.AnswerAsync);
        await app.StartAsync();
        return stub;
    }

    /// <summary>The password's SHA-1 as the API's clients send it (upper-case hex).</summary>
    public static string Sha1Hex(string password) => PwnedPasswordsRangeCheck.Sha1Hex(password);

    public void Breach(string password, int count = 42) => _breachedHashes[Sha1Hex(password)] = count;

    public void Behave(StubBehaviour behaviour) => _behaviour = behaviour;

    /// <summary>Forgets the breaches and the requests, and answers again.</summary>
    public void Reset()
    {
        _breachedHashes.Clear();
        _requests.Clear();
        _behaviour = StubBehaviour.Answer;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> AnswerAsync(string prefix, HttpContext context)
    {
        _requests.Enqueue(new StubRequest(prefix, context.Request.Headers["Add-Padding"].ToString()));
        switch (_behaviour)
        {
            case StubBehaviour.Fail:
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            case StubBehaviour.Hang:
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    // the client gave up, as the test wants
                }

                return Results.Empty;
        }

        var lines = _breachedHashes
            .Where(h => h.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(h => $"{h.Key[5..]}:{h.Value}")
            .ToList();
        if (context.Request.Headers["Add-Padding"] == "true")
        {
            // Padding as the real API pads: made-up suffixes with a count of 0, which must count as not breached.
            lines.AddRange(["0018A45C4D1DEF81644B54AB7F969B88D65:0", "00D4F6E8FA6EECAD2A3AA415EEC418D38EC:0"]);
        }

        return Results.Text(string.Join("\r\n", lines), "text/plain");
    }
}
