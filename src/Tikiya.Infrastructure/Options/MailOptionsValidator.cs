using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;
using Tikiya.Infrastructure.Mail;

namespace Tikiya.Infrastructure.Options;

internal sealed class MailOptionsValidator(IHostEnvironment environment) : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var failures = new List<string>();
        if (options.SmtpUrl.Length > 0 && options.PickupDirectory.Length > 0)
        {
            failures.Add("SMTP_URL and MAIL_PICKUP_DIR are both set: set one of them.");
        }

        if (options.SmtpUrl.Length > 0 && !SmtpEndpoint.TryParse(options.SmtpUrl, out _, out var smtpError))
        {
            failures.Add($"SMTP_URL is not valid: {smtpError}");
        }

        if (!options.IsConfigured)
        {
            if (environment.IsProduction())
            {
                // Password reset cannot work without mail, and a 202 that never sends anything would fail silently.
                failures.Add("SMTP_URL (or MAIL_PICKUP_DIR) is required in Production: account mails cannot be sent without it.");
            }

            return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
        }

        if (options.From.Length == 0)
        {
            failures.Add("MAIL_FROM is required with SMTP_URL or MAIL_PICKUP_DIR (Name <address> or address).");
        }
        else if (!MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            failures.Add("MAIL_FROM must be an address, or Name <address>.");
        }

        if (options.PublicAppUrl.Length == 0)
        {
            failures.Add("PUBLIC_APP_URL is required with SMTP_URL or MAIL_PICKUP_DIR: links in mails point at the client app.");
        }
        else if (!BaseUrl.IsValid(options.PublicAppUrl))
        {
            failures.Add("PUBLIC_APP_URL must be an absolute http(s) URL without a query or fragment (https://app.example.com).");
        }

        if (options.TemplatesDirectory.Length > 0 && !Directory.Exists(options.TemplatesDirectory))
        {
            failures.Add("MAIL_TEMPLATES_DIR must be an existing folder.");
        }
        else if (options.TemplatesDirectory.Length > 0)
        {
            // Parsed here, not only when the sender first needs them: a broken override is a configuration error.
            failures.AddRange(MailTemplateRenderer.Problems(options.TemplatesDirectory)
                .Select(problem => $"MAIL_TEMPLATES_DIR: {problem}"));
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
