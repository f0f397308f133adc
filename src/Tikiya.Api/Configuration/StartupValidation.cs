using Microsoft.Extensions.Options;

namespace Tikiya.Api.Configuration;

/// <summary>
/// Validates every option before the API listens. On failure it prints one line per bad variable and the caller exits
/// with 1: left to <c>app.Run()</c>, the same failure would come with a stack trace and only the first bad option.
/// </summary>
internal static class StartupValidation
{
    private const string ErrorPrefix = "Configuration error: ";

    public static bool Succeeded(IServiceProvider services, TextWriter error)
    {
        var lines = ErrorLines(services);
        foreach (var line in lines)
        {
            error.WriteLine(line);
        }

        return lines.Count == 0;
    }

    /// <summary>The lines an operator sees, one per bad variable; none when every option is valid.</summary>
    public static IReadOnlyList<string> ErrorLines(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (Exception e) when (e is OptionsValidationException or AggregateException)
        {
            var failures = e is AggregateException aggregate
                ? aggregate.InnerExceptions.OfType<OptionsValidationException>().SelectMany(v => v.Failures)
                : ((OptionsValidationException)e).Failures;
            return [.. failures.Distinct(StringComparer.Ordinal).Select(failure => ErrorPrefix + failure)];
        }
    }
}
