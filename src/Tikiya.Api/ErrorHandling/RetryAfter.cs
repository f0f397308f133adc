using System.Globalization;

namespace Tikiya.Api.ErrorHandling;

internal static class RetryAfter
{
    /// <summary>Whole seconds, rounded up and at least 1: a client that waits that long is never early.</summary>
    public static string Seconds(TimeSpan delay) =>
        Math.Max(1, (long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
