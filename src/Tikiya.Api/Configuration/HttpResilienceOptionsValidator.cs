using Microsoft.Extensions.Options;

namespace Tikiya.Api.Configuration;

/// <summary>The JSON endpoints' body limit lies within the global one, which Kestrel applies to everything else.</summary>
internal sealed class HttpResilienceOptionsValidator : IValidateOptions<HttpResilienceOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpResilienceOptions options)
    {
        // A value outside its own range already has its line (DataAnnotations): one line per bad variable.
        var bothInRange = InRange(options.MaxBodyBytes) && InRange(options.MaxJsonBodyBytes);
        return bothInRange && options.MaxJsonBodyBytes > options.MaxBodyBytes
            ? ValidateOptionsResult.Fail("HTTP_MAX_JSON_BODY_BYTES must not be above HTTP_MAX_BODY_BYTES.")
            : ValidateOptionsResult.Success;
    }

    private static bool InRange(int bytes) =>
        bytes is >= HttpResilienceOptions.MinBodyBytes and <= HttpResilienceOptions.MaxBodyBytesLimit;
}
