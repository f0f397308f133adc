using System.Net;
using System.Text.Json;

namespace Tikiya.Testing;

/// <summary>
/// Checks the shape API.md gives every error: problem+json with type, title, status, detail, traceId and (v1.1) a
/// snake_case code, which must be the expected one when the test names it.
/// </summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);

        var problem = JsonDocument.Parse(body).RootElement.Clone();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
            Assert.That(problem.GetProperty("type").GetString(), Is.Not.Empty);
            Assert.That(problem.GetProperty("title").GetString(), Is.Not.Empty);
            Assert.That(problem.GetProperty("detail").GetString(), Is.Not.Empty);
            Assert.That(problem.GetProperty("traceId").GetString(), Is.Not.Empty);
            Assert.That(problem.TryGetProperty("code", out var actualCode) ? actualCode.GetString() ?? "" : "",
                code is null ? Does.Match("^[a-z]+(_[a-z]+)*$") : Is.EqualTo(code), "code");
            Assert.That(body, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(body, Does.Not.Contain("Exception"), "no exception type");
        }

        return problem;
    }

    public static string[] Errors(JsonElement problem, string field) =>
        [.. problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!)];
}
