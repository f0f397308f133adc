using System.Diagnostics;

namespace Tikiya.Api.IntegrationTests.Infrastructure;

/// <summary>
/// Counts the database commands one request sends, from Npgsql's own tracing: the request carries a trace id of the
/// test's (W3C traceparent), and only commands in that trace count, whatever background services do meanwhile.
/// </summary>
internal sealed class DatabaseCommands : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ActivityTraceId _traceId = ActivityTraceId.CreateRandom();
    private int _count;

    public DatabaseCommands()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql" && activity.TraceId == _traceId)
                {
                    Interlocked.Increment(ref _count);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public int Count => Volatile.Read(ref _count);

    /// <summary>Marks <paramref name="request"/> as the one whose commands are counted.</summary>
    public HttpRequestMessage Traced(HttpRequestMessage request)
    {
        request.Headers.Add("traceparent", $"00-{_traceId}-{ActivitySpanId.CreateRandom()}-01");
        return request;
    }

    public void Dispose() => _listener.Dispose();
}
