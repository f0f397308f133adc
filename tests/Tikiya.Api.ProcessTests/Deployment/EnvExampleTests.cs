using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Api.ProcessTests.Deployment;

/// <summary>deploy/env.example (shipped as .env.example) lists every variable the API reads, with its real default.</summary>
public sealed class EnvExampleTests
{
    [Test]
    public void EnvExample_ListsEveryVariableWithItsDefault()
    {
        var listed = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "deploy", "env.example"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

        var defaults = Defaults();

        Assert.That(listed.Keys, Is.EquivalentTo(defaults.Keys));
        foreach (var (name, value) in defaults)
        {
            Assert.That(listed[name], Is.EqualTo(value).IgnoreCase, name);
        }
    }

    private static Dictionary<string, string> Defaults() =>
        new[] { typeof(DatabaseOptions).Assembly, typeof(Program).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.IsClass && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null)
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(property => (Type: type, Property: property, Name: property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name)))
            .Where(p => p.Name is not null)
            .GroupBy(p => p.Name!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g =>
            {
                var (type, property, _) = g.First();
                return Convert.ToString(property.GetValue(Activator.CreateInstance(type)), CultureInfo.InvariantCulture) ?? "";
            }, StringComparer.Ordinal);
}
