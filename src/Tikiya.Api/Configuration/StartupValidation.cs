using Microsoft.Extensions.Options;

namespace Tikiya.Api.Configuration;

/// <summary>
/// Validates every option before the API listens. On failure it prints one line per bad variable and the caller exits
/// with 1: left to <c>app.Run()</c>, the same failure would come with a stack trace and only the first bad option.
/// </summary>
internal static class StartupValidation
{
    public static bool Succeeded(IServiceProvider services, TextWriter error)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return true;
        }
        catch (Exception e) when (e is OptionsValidationException or AggregateException)
        {
            var failures = e is AggregateException aggregate
                ? aggregate.InnerExceptions.OfType<OptionsValidationException>().SelectMany(v => v.Failures)
                : ((OptionsValidationException)e).Failures;
            foreach (var failure in failures.Distinct(StringComparer.Ordinal))
            {
                error.WriteLine($"Configuration error: {failure}");
            }

            return false;
        }
    }
}
