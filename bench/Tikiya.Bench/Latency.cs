using System.Diagnostics;
using HdrHistogram;

namespace Tikiya.Bench;

/// <summary>Percentiles of a set of durations, in milliseconds, from an HDR histogram of microseconds.</summary>
internal sealed record Latency(double P50, double P95, double P99, double Max)
{
    // 1 µs to 10 min at 3 significant digits: any answer the bench can wait for, to 0.1 %.
    public static LongHistogram NewHistogram() => new(TimeSpan.FromMinutes(10).Ticks / TimeSpan.TicksPerMicrosecond, 3);

    public static long Microseconds(long stopwatchTicks) => Math.Max(1, stopwatchTicks * 1_000_000 / Stopwatch.Frequency);

    public static Latency Of(HistogramBase histogram)
    {
        double Ms(long microseconds) => Math.Round(microseconds / 1000.0, 2);
        return histogram.TotalCount == 0
            ? new Latency(0, 0, 0, 0)
            : new Latency(Ms(histogram.GetValueAtPercentile(50)), Ms(histogram.GetValueAtPercentile(95)),
                Ms(histogram.GetValueAtPercentile(99)), Ms(histogram.GetMaxValue()));
    }
}
