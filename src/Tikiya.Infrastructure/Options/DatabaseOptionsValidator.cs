using Microsoft.Extensions.Options;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Infrastructure.Options;

internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
        string.IsNullOrWhiteSpace(options.Url) || DatabaseConnectionString.TryParse(options.Url, out _, out var error)
            ? ValidateOptionsResult.Success // absence is the Required attribute's line
            : ValidateOptionsResult.Fail($"DATABASE_URL is not valid: {error}");
}
