using System.ComponentModel.DataAnnotations;
using Tikiya.Infrastructure.Configuration;

namespace Tikiya.Api.Configuration;

/// <summary>The limits that keep the API answering under any load (deployment guide §1).</summary>
public sealed class HttpResilienceOptions
{
    internal const int MinBodyBytes = 1024;
    internal const int MaxBodyBytesLimit = 1_073_741_824;

    [Setting("HTTP_REQUEST_TIMEOUT_SECS", "Past it a request is cancelled (its database work too) and answered 504")]
    [Range(1, 3600, ErrorMessage = "HTTP_REQUEST_TIMEOUT_SECS must be between 1 and 3600.")]
    public int RequestTimeoutSecs { get; set; } = 30;

    [Setting("HTTP_CONCURRENCY_LIMIT", "Requests in flight at once; beyond it and the queue, 503 + Retry-After")]
    [Range(1, 1_000_000, ErrorMessage = "HTTP_CONCURRENCY_LIMIT must be between 1 and 1000000.")]
    public int ConcurrencyLimit { get; set; } = 1024;

    [Setting("HTTP_CONCURRENCY_QUEUE", "Requests that wait for a slot beyond the limit; past them, 503 at once")]
    [Range(0, 100_000, ErrorMessage = "HTTP_CONCURRENCY_QUEUE must be between 0 and 100000.")]
    public int ConcurrencyQueue { get; set; } = 64;

    [Setting("HTTP_MAX_BODY_BYTES", "Largest request body (bytes); beyond it 413")]
    [Range(MinBodyBytes, MaxBodyBytesLimit, ErrorMessage = "HTTP_MAX_BODY_BYTES must be between 1024 and 1073741824.")]
    public int MaxBodyBytes { get; set; } = 1_048_576;

    [Setting("HTTP_MAX_JSON_BODY_BYTES", "Largest body (bytes) of a JSON API endpoint, at most HTTP_MAX_BODY_BYTES; beyond it 413")]
    [Range(MinBodyBytes, MaxBodyBytesLimit, ErrorMessage = "HTTP_MAX_JSON_BODY_BYTES must be between 1024 and 1073741824.")]
    public int MaxJsonBodyBytes { get; set; } = 16_384;

    [Setting("HTTP_DRAIN_TIMEOUT_SECS", "On SIGTERM, how long in-flight requests may take to finish before the process exits anyway")]
    [Range(1, 600, ErrorMessage = "HTTP_DRAIN_TIMEOUT_SECS must be between 1 and 600.")]
    public int DrainTimeoutSecs { get; set; } = 30;

    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(RequestTimeoutSecs);
}
