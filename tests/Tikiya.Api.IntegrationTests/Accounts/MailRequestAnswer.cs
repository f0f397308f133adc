using System.Net;

namespace Tikiya.Api.IntegrationTests.Accounts;

/// <summary>
/// An answer of resend-verification or forgot-password as an onlooker compares them (API.md v1.1: the same for a
/// known, an unknown and a verified email): status, headers and body, without what differs from one request to the
/// next anyway (the date, the trace).
/// </summary>
internal sealed record MailRequestAnswer(HttpStatusCode Status, string Headers, string Body)
{
    private static readonly string[] PerRequestHeaders = ["Date", "traceparent", "tracestate", "Request-Id", "X-Trace-Id"];

    public static async Task<MailRequestAnswer> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(header => !PerRequestHeaders.Contains(header.Key, StringComparer.OrdinalIgnoreCase))
            .OrderBy(header => header.Key, StringComparer.OrdinalIgnoreCase)
            .Select(header => $"{header.Key}: {string.Join(", ", header.Value)}");
        return new MailRequestAnswer(response.StatusCode, string.Join("\n", headers), await response.Content.ReadAsStringAsync());
    }
}
