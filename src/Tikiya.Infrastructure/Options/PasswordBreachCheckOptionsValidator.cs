using Microsoft.Extensions.Options;

namespace Tikiya.Infrastructure.Options;

internal sealed class PasswordBreachCheckOptionsValidator : IValidateOptions<PasswordBreachCheckOptions>
{
    public ValidateOptionsResult Validate(string? name, PasswordBreachCheckOptions options) =>
        options.IsEnabled && !BaseUrl.IsValid(options.Url)
            ? ValidateOptionsResult.Fail(
                "PASSWORD_BREACH_CHECK_URL must be an absolute http(s) URL without a query or fragment (https://api.pwnedpasswords.com).")
            : ValidateOptionsResult.Success;
}
