using System.Text;
using Microsoft.Extensions.Options;

namespace Tikiya.Infrastructure.Options;

internal sealed class MfaOptionsValidator : IValidateOptions<MfaOptions>
{
    public ValidateOptionsResult Validate(string? name, MfaOptions options)
    {
        var failures = new List<string>();
        foreach (var (variable, value) in new[]
                 {
                     ("MFA_ENCRYPTION_KEY", options.EncryptionKey), ("MFA_ENCRYPTION_KEY_PREVIOUS", options.EncryptionKeyPrevious),
                 })
        {
            if (value.Length > 0 && Encoding.UTF8.GetByteCount(value) < JwtOptions.MinSecretBytes)
            {
                failures.Add($"{variable} must be at least {JwtOptions.MinSecretBytes} bytes (UTF-8).");
            }
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
