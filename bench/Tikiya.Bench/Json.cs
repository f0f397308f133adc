using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tikiya.Bench;

internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // files for people and tools, never embedded in HTML
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes <paramref name="value"/> to the file named by --out, or to standard output without one.</summary>
    public static async Task WriteAsync<T>(T value, string? path, CancellationToken cancellationToken)
    {
        var text = JsonSerializer.Serialize(value, Options) + "\n";
        if (path is null)
        {
            await Console.Out.WriteAsync(text);
        }
        else
        {
            await File.WriteAllTextAsync(path, text, cancellationToken);
        }
    }

    public static async Task<T> ReadAsync<T>(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<T>(stream, Options, cancellationToken)
            ?? throw new BenchmarkException($"{path} holds no JSON value");
    }
}
