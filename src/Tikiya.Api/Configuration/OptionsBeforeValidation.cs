using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace Tikiya.Api.Configuration;

internal static class OptionsBeforeValidation
{
    /// <summary>
    /// For framework options that the host builds before StartupValidation runs (Kestrel's, the host's, forwarded
    /// headers'): an invalid value is left out here, and StartupValidation reports it with every other bad variable
    /// as one line, then the process exits before it listens.
    /// </summary>
    public static bool TryGetValid<T>(this IOptions<T> options, [NotNullWhen(true)] out T? value) where T : class
    {
        try
        {
            value = options.Value;
            return true;
        }
        catch (OptionsValidationException)
        {
            value = null;
            return false;
        }
    }
}
