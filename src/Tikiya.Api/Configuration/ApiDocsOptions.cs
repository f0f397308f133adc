using Tikiya.Infrastructure.Configuration;

namespace Tikiya.Api.Configuration;

public sealed class ApiDocsOptions
{
    // Off unless asked for: appsettings.Development.json turns it on for scripts/run, and that file never ships.
    [Setting("API_DOCS_ENABLED", "Serve the interactive API reference at /docs (on in Development)")]
    public bool Enabled { get; set; }
}
