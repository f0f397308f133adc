using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Tikiya.Infrastructure.Configuration;

/// <summary>
/// Binds options classes whose properties name environment variables with <see cref="ConfigurationKeyNameAttribute"/>.
/// Unlike <c>Bind</c>, which throws at the first value it cannot convert, a bad value is left unbound and reported by
/// validation, next to every other bad variable, as one line that names it (ARCHITECTURE.md, Configuration).
/// </summary>
public static class EnvironmentOptions
{
    public static OptionsBuilder<T> BindEnvironment<T>(this OptionsBuilder<T> builder, IConfiguration configuration)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var variables = EnvironmentVariable.Of<T>();
        builder.Configure(options =>
        {
            foreach (var variable in variables)
            {
                variable.TryBind(configuration, options);
            }
        });
        builder.Services.AddSingleton<IValidateOptions<T>>(new EnvironmentOptionsValidator<T>(configuration, variables));
        return builder.ValidateOnStart();
    }

    private sealed class EnvironmentOptionsValidator<T>(IConfiguration configuration, IReadOnlyList<EnvironmentVariable> variables)
        : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var unconvertible = variables.Where(v => !v.CanConvert(configuration)).ToList();
            var failures = unconvertible.Select(v => v.FormatMessage).ToList();

            var results = new List<ValidationResult>();
            Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
            failures.AddRange(results
                .Where(r => !r.MemberNames.Any(m => unconvertible.Exists(v => v.PropertyName == m)))
                .Select(r => r.ErrorMessage ?? "An option is not valid."));

            return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
        }
    }

    private sealed record EnvironmentVariable(PropertyInfo Property, string Name)
    {
        public string PropertyName => Property.Name;

        public string FormatMessage => Type.GetTypeCode(Property.PropertyType) switch
        {
            TypeCode.Int32 => $"{Name} must be a whole number.",
            TypeCode.Boolean => $"{Name} must be true or false.",
            _ => $"{Name} has a value of the wrong form.",
        };

        public static IReadOnlyList<EnvironmentVariable> Of<T>() =>
            [.. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => (Property: p, Key: p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name))
                .Where(p => p.Key is not null)
                .Select(p => new EnvironmentVariable(p.Property, p.Key!))];

        public bool CanConvert(IConfiguration configuration) =>
            configuration[Name] is not { } raw || TryConvert(raw, out _);

        public void TryBind(IConfiguration configuration, object options)
        {
            if (configuration[Name] is { } raw && TryConvert(raw, out var value))
            {
                Property.SetValue(options, value);
            }
        }

        private bool TryConvert(string raw, out object? value)
        {
            switch (Type.GetTypeCode(Property.PropertyType))
            {
                case TypeCode.String:
                    value = raw;
                    return true;
                case TypeCode.Int32 when int.TryParse(raw.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                    value = number;
                    return true;
                case TypeCode.Boolean when bool.TryParse(raw.Trim(), out var flag):
                    value = flag;
                    return true;
                case TypeCode.String or TypeCode.Int32 or TypeCode.Boolean:
                    value = null;
                    return false;
                default:
                    throw new NotSupportedException($"{Name}: options of type {Property.PropertyType.Name} are not supported.");
            }
        }
    }
}
