using Tikiya.Infrastructure.Configuration;

namespace Tikiya.Api.Configuration;

/// <summary>
/// One start-up log line with every setting's effective value, read from the validated options themselves, so what
/// the line says is what runs. A setting declared secret is masked.
/// </summary>
internal static partial class EffectiveConfiguration
{
    public static void Log(IServiceProvider services)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EffectiveConfiguration).FullName!);
        var line = string.Join(' ', Setting.Catalogue(services).Select(s => $"{s.Variable}={s.EffectiveValue(services)}"));
        LogConfiguration(logger, line);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Effective configuration: {Settings}")]
    private static partial void LogConfiguration(ILogger logger, string settings);
}
