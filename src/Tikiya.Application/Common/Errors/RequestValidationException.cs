using FluentValidation.Results;

namespace Tikiya.Application.Common.Errors;

/// <summary>The command broke its validator's rules; answered 400 with the messages per field.</summary>
public sealed class RequestValidationException : Exception
{
    public RequestValidationException(IEnumerable<ValidationFailure> failures)
        : base("One or more fields are not valid.")
    {
        ArgumentNullException.ThrowIfNull(failures);
        var all = failures.ToList();
        Errors = all
            .GroupBy(f => f.PropertyName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal);
        var codes = all.Select(f => f.ErrorCode).Distinct(StringComparer.Ordinal).ToList();
        SoleErrorCode = codes.Count == 1 ? codes[0] : null;
    }

    /// <summary>Messages keyed by the command's property name (PascalCase; the API layer camelCases them).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>
    /// The error code of every failure when they all share one (<see cref="ValidationErrorCodes"/>), else null: a body
    /// with one more thing wrong is a plain validation failure, whose <see cref="Errors"/> name each field.
    /// </summary>
    public string? SoleErrorCode { get; }
}
