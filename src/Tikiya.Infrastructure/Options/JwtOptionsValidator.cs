using System.Text;
using Microsoft.Extensions.Options;

namespace Tikiya.Infrastructure.Options;

internal sealed class JwtOptionsValidator : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options) =>
        options.Secret.Length > 0 && Encoding.UTF8.GetByteCount(options.Secret) < JwtOptions.MinSecretBytes
            ? ValidateOptionsResult.Fail($"JWT_SECRET must be at least {JwtOptions.MinSecretBytes} bytes (UTF-8).")
            : ValidateOptionsResult.Success;
}
