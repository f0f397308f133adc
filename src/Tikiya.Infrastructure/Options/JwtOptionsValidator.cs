using System.Text;
using Microsoft.Extensions.Options;
using Tikiya.Infrastructure.Security;

namespace Tikiya.Infrastructure.Options;

internal sealed class JwtOptionsValidator : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        var failures = new List<string>();
        if (options.Secret.Length > 0 && Encoding.UTF8.GetByteCount(options.Secret) < JwtOptions.MinSecretBytes)
        {
            failures.Add($"JWT_SECRET must be at least {JwtOptions.MinSecretBytes} bytes (UTF-8).");
        }

        if (options.RefreshTokenTtlSecs <= options.AccessTokenTtlSecs)
        {
            failures.Add("JWT_REFRESH_TOKEN_TTL_SECS must be longer than JWT_ACCESS_TOKEN_TTL_SECS.");
        }

        failures.AddRange(JwtKeySet.Problems(options));
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
