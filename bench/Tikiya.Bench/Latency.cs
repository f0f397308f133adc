namespace Tikiya.Bench;

/// <summary>Percentiles of a set of durations, in milliseconds (nearest rank).</summary>
internal sealed record Latency(double P50, double P95, double P99, double Max)
{
    public static Latency Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            return new Latency(0, 0, 0, 0);
        }

        var sorted = samples.Order().ToArray();
        return new Latency(Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99), Math.Round(sorted[^1], 2));
    }

    private static double Rank(double[] sorted, double quantile) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)], 2);
}
