using Tikiya.Infrastructure.Configuration;

namespace Tikiya.Api.Configuration;

/// <summary>
/// <c>tikiya_api settings</c>: the catalogue of settings as tab-separated lines (variable, default, secret, description,
/// and defaults_to: the variable whose value an unset one takes, or empty) after a header, in name order, for scripts that need a variable's default or the whole list (bench/run). It prints
/// declared defaults only, never a value from the environment.
/// </summary>
internal static class SettingsCommand
{
    public static void Write(IServiceProvider services, TextWriter output)
    {
        output.WriteLine("variable\tdefault\tsecret\tdescription\tdefaults_to");
        foreach (var setting in Setting.Catalogue(services))
        {
            output.WriteLine($"{setting.Variable}\t{setting.Default}\t{(setting.Secret ? "true" : "false")}\t{setting.Description}\t{setting.DefaultsTo}");
        }
    }
}
