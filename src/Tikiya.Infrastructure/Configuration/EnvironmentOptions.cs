using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Tikiya.Infrastructure.Configuration;

/// <summary>
/// Binds options classes whose properties declare environment variables with <see cref="SettingAttribute"/>, and adds
/// those settings to the catalogue (<see cref="Setting.Catalogue"/>). Unlike <c>Bind</c>, which throws at the first
/// value it cannot convert, a bad value is left unbound and reported by validation, next to every other bad variable, as
/// one line that names it (ARCHITECTURE.md, Configuration).
/// </summary>
public static class EnvironmentOptions
{
    public static OptionsBuilder<T> BindEnvironment<T>(this OptionsBuilder<T> builder, IConfiguration configuration)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = Setting.Of<T>();
        foreach (var setting in settings)
        {
            builder.Services.AddSingleton(setting);
        }

        builder.Configure(options =>
        {
            foreach (var setting in settings)
            {
                setting.TryBind(configuration, options);
            }
        });
        builder.Services.AddSingleton<IValidateOptions<T>>(new EnvironmentOptionsValidator<T>(configuration, settings));
        return builder.ValidateOnStart();
    }

    private sealed class EnvironmentOptionsValidator<T>(IConfiguration configuration, IReadOnlyList<Setting> settings)
        : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var unconvertible = settings.Where(s => !s.CanConvert(configuration)).ToList();
            var failures = unconvertible.Select(s => s.FormatMessage).ToList();

            var results = new List<ValidationResult>();
            Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
            failures.AddRange(results
                .Where(r => !r.MemberNames.Any(m => unconvertible.Exists(s => s.PropertyName == m)))
                .Select(r => r.ErrorMessage ?? "An option is not valid."));

            return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
        }
    }
}
