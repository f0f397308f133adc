namespace Tikiya.Infrastructure.Persistence;

/// <summary>SQL files embedded in this assembly (see the csproj), read by name.</summary>
internal static class EmbeddedSql
{
    public static string Read(string fileName)
    {
        var name = $"Tikiya.Infrastructure.{fileName}";
        using var stream = typeof(EmbeddedSql).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded SQL file {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
