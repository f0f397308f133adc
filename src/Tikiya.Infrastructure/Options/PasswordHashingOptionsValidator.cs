using Microsoft.Extensions.Options;

namespace Tikiya.Infrastructure.Options;

internal sealed class PasswordHashingOptionsValidator : IValidateOptions<PasswordHashingOptions>
{
    public ValidateOptionsResult Validate(string? name, PasswordHashingOptions options) =>
        options.Concurrency > 0 && options.DatabasePoolMax > 0 && options.Concurrency >= options.DatabasePoolMax
            ? ValidateOptionsResult.Fail(
                "PASSWORD_HASHING_CONCURRENCY must be below DATABASE_POOL_MAX: each login in its hashing stage holds a "
                + "database connection, and refresh and me need some too.")
            : ValidateOptionsResult.Success;
}
