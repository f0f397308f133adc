namespace Tikiya.Infrastructure.Persistence;

/// <summary>SQL files embedded in this assembly, read by name (the schema guard migration calls this).</summary>
internal static class EmbeddedSql
{
    public static string Read(string fileName) => EmbeddedFiles.Read(fileName);
}
