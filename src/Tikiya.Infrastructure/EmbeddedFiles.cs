namespace Tikiya.Infrastructure;

/// <summary>Files embedded in this assembly (see the csproj: the schema guard's SQL, the built-in mail templates, the common passwords).</summary>
internal static class EmbeddedFiles
{
    /// <summary>The text of the resource <c>Tikiya.Infrastructure.&lt;name&gt;</c>; a missing one is a broken build.</summary>
    public static string Read(string name)
    {
        var resource = $"Tikiya.Infrastructure.{name}";
        using var stream = typeof(EmbeddedFiles).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded file {resource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
