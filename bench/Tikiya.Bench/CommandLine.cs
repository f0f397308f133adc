using System.Globalization;

namespace Tikiya.Bench;

/// <summary>A command's options: <c>--name value</c> pairs, a name may repeat. Each command reads what it needs, then
/// <see cref="ThrowIfUnused"/> refuses what it did not read, so a mistyped option is an error rather than a default.</summary>
internal sealed class CommandLine
{
    private readonly List<KeyValuePair<string, string>> _pairs;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private CommandLine(List<KeyValuePair<string, string>> pairs) => _pairs = pairs;

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || args[i].Length < 3)
            {
                throw new UsageException($"expected an --option, got '{args[i]}'");
            }

            if (i + 1 >= args.Count)
            {
                throw new UsageException($"{args[i]} needs a value");
            }

            pairs.Add(new(args[i][2..], args[i + 1]));
        }

        return new CommandLine(pairs);
    }

    public string? Get(string name)
    {
        _read.Add(name);
        string? value = null;
        foreach (var pair in _pairs.Where(p => p.Key == name))
        {
            value = pair.Value; // the last one wins
        }

        return value;
    }

    public string Require(string name) => Get(name) ?? throw new UsageException($"--{name} is required");

    public IReadOnlyList<string> GetAll(string name)
    {
        _read.Add(name);
        return [.. _pairs.Where(p => p.Key == name).Select(p => p.Value)];
    }

    public int GetInt(string name, int defaultValue, int min, int max)
    {
        var text = Get(name);
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"--{name} must be a whole number from {min} to {max}, got '{text}'");
    }

    public void ThrowIfUnused()
    {
        var unknown = _pairs.Select(p => p.Key).Where(k => !_read.Contains(k)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"unknown option(s): {string.Join(", ", unknown.Select(k => "--" + k))}");
        }
    }
}

/// <summary>Bad command line: exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>A measurement that could not be made (the API refused the seeding, the database failed...): exit code 1.</summary>
internal sealed class BenchmarkException(string message, Exception? inner = null) : Exception(message, inner);
