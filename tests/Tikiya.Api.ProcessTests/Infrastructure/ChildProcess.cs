using System.Diagnostics;

namespace Tikiya.Api.ProcessTests.Infrastructure;

/// <summary>The end of a server a test started beside the API (nginx, PgBouncer): nothing it holds is needed afterwards.</summary>
public static class ChildProcess
{
    /// <summary>Kills the process and its children at once, waits for the end, and frees the handle.</summary>
    public static async Task KillAsync(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
