namespace Tikiya.Infrastructure.Configuration;

/// <summary>
/// Declares an options property a setting: the environment variable that sets it and one line of doc. Its default is
/// the property's initial value; its rules are its DataAnnotations and its options' validator. Everything else derives
/// from this one declaration (<see cref="Setting"/>): binding, the start-up log, <c>tikiya_api settings</c>, and the
/// tests of deploy/env.example and docs/configuration.md.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingAttribute(string variable, string description) : Attribute
{
    public string Variable { get; } = variable;

    public string Description { get; } = description;

    /// <summary>Its value is never shown: the start-up log masks it (or shows <see cref="ShownBy"/>'s view of it).</summary>
    public bool Secret { get; set; }

    /// <summary>
    /// For a secret with parts worth seeing (a URL's host): the name of the options' method that returns the value
    /// without its secret, for the start-up log.
    /// </summary>
    public string? ShownBy { get; set; }

    /// <summary>
    /// For a nullable property: the variable whose value it takes when it is unset or empty, which the catalogue shows
    /// as its default. The options class applies the fallback itself (one property reads both).
    /// </summary>
    public string? DefaultsTo { get; set; }
}
