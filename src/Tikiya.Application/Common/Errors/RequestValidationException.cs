using FluentValidation.Results;

namespace Tikiya.Application.Common.Errors;

/// <summary>The command broke its validator's rules; answered 400 with the messages per field.</summary>
public sealed class RequestValidationException : Exception
{
    public RequestValidationException(IEnumerable<ValidationFailure> failures)
        : base("One or more fields are not valid.")
    {
        ArgumentNullException.ThrowIfNull(failures);
        Errors = failures
            .GroupBy(f => f.PropertyName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Messages keyed by the command's property name (PascalCase; the API layer camelCases them).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
