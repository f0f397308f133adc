using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Tikiya.Infrastructure.Configuration;

/// <summary>
/// One entry of the settings catalogue, read from its <see cref="SettingAttribute"/>. <see cref="EnvironmentOptions"/>
/// registers one per bound property, so the catalogue is exactly what the application binds.
/// </summary>
public sealed class Setting
{
    private const string Masked = "***";

    private readonly PropertyInfo _property;
    private readonly MethodInfo? _shownBy;
    private readonly Func<IServiceProvider, object> _options;

    private Setting(PropertyInfo property, SettingAttribute declaration, object defaults, Func<IServiceProvider, object> options)
    {
        _property = property;
        _options = options;
        _shownBy = declaration.ShownBy is { } method
            ? property.DeclaringType!.GetMethod(method, Type.EmptyTypes)
                ?? throw new InvalidOperationException($"{declaration.Variable}: {property.DeclaringType.Name} has no method {method}().")
            : null;
        Variable = declaration.Variable;
        Description = declaration.Description;
        Secret = declaration.Secret;
        DefaultsTo = declaration.DefaultsTo;
        Default = Format(property.GetValue(defaults));
    }

    public string Variable { get; }

    /// <summary>The property's initial value, as it would be written in the environment ("" for none).</summary>
    public string Default { get; }

    /// <summary>The variable whose value this one takes when unset (<see cref="SettingAttribute.DefaultsTo"/>), or null.</summary>
    public string? DefaultsTo { get; }

    public bool Secret { get; }

    public string Description { get; }

    internal string PropertyName => _property.Name;

    private Type ValueType => Nullable.GetUnderlyingType(_property.PropertyType) ?? _property.PropertyType;

    internal string FormatMessage => Type.GetTypeCode(ValueType) switch
    {
        TypeCode.Int32 => $"{Variable} must be a whole number.",
        TypeCode.Boolean => $"{Variable} must be true or false.",
        _ => $"{Variable} has a value of the wrong form.",
    };

    /// <summary>Every setting the application binds, in name order.</summary>
    public static IReadOnlyList<Setting> Catalogue(IServiceProvider services) =>
        [.. services.GetServices<Setting>().OrderBy(s => s.Variable, StringComparer.Ordinal)];

    internal static IReadOnlyList<Setting> Of<T>() where T : class, new()
    {
        var defaults = new T();
        return [.. typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Declaration: p.GetCustomAttribute<SettingAttribute>()))
            .Where(p => p.Declaration is not null)
            .Select(p => new Setting(p.Property, p.Declaration!, defaults, services => services.GetRequiredService<IOptions<T>>().Value))];
    }

    /// <summary>The value that runs, for the start-up log: a secret masked, or shown without its secret.</summary>
    public string EffectiveValue(IServiceProvider services)
    {
        var options = _options(services);
        var value = _property.GetValue(options);
        if (value is null && DefaultsTo is { } fallback)
        {
            return Catalogue(services).Single(s => s.Variable == fallback).EffectiveValue(services);
        }

        return (Secret, _shownBy) switch
        {
            (true, { } shownBy) => $"\"{shownBy.Invoke(options, null)}\"",
            (true, null) => $"{Masked}({Encoding.UTF8.GetByteCount(value as string ?? "")} bytes)",
            _ => Format(value),
        };
    }

    internal bool CanConvert(IConfiguration configuration) =>
        configuration[Variable] is not { } raw || TryConvert(raw, out _);

    internal void TryBind(IConfiguration configuration, object options)
    {
        if (configuration[Variable] is { } raw && TryConvert(raw, out var value))
        {
            _property.SetValue(options, value);
        }
    }

    private static string Format(object? value) => value switch
    {
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };

    private bool TryConvert(string raw, out object? value)
    {
        // An empty value leaves a nullable setting unset, so that env.example can list it without a value.
        if (ValueType != _property.PropertyType && string.IsNullOrWhiteSpace(raw))
        {
            value = null;
            return true;
        }

        switch (Type.GetTypeCode(ValueType))
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
                throw new NotSupportedException($"{Variable}: options of type {_property.PropertyType.Name} are not supported.");
        }
    }
}
