using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.Options;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Api.Configuration;

/// <summary>
/// One start-up log line with every variable's effective value, read from the validated options themselves, so what
/// the line says is what runs. The secret and the database password are masked.
/// </summary>
internal static partial class EffectiveConfiguration
{
    private const string Masked = "***";

    private static readonly Type[] OptionsTypes =
    [
        typeof(ServerOptions), typeof(HttpResilienceOptions), typeof(RateLimitOptions), typeof(ProxyOptions),
        typeof(DatabaseOptions), typeof(JwtOptions), typeof(PasswordHashingOptions), typeof(LoginThrottleOptions),
        typeof(MaintenanceOptions), typeof(MailOptions), typeof(AccountOptions),
    ];

    public static void Log(IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EffectiveConfiguration).FullName!);
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in OptionsTypes)
        {
            var accessor = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(type));
            var options = accessor.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(accessor);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name is { } name)
                {
                    settings[name] = Display(name, property.GetValue(options), options);
                }
            }
        }

        var line = string.Join(' ', settings.Select(s => $"{s.Key}={s.Value}"));
        LogConfiguration(logger, line);
    }

    private static string Display(string name, object? value, object? options) => (value, options) switch
    {
        (string secret, JwtOptions) when name == "JWT_SECRET" => $"{Masked}({Encoding.UTF8.GetByteCount(secret)} bytes)",
        (string, DatabaseOptions database) when name == "DATABASE_URL" => $"\"{database.UrlWithoutPassword()}\"",
        (string, MailOptions mail) when name == "SMTP_URL" => $"\"{mail.SmtpUrlWithoutPassword()}\"",
        (IFormattable formattable, _) => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Effective configuration: {Settings}")]
    private static partial void LogConfiguration(ILogger logger, string settings);
}
