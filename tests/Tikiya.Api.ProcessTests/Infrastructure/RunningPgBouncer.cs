using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Api.ProcessTests.Infrastructure;

/// <summary>
/// PgBouncer (Debian's pgbouncer) on a free loopback port in transaction pooling mode, in front of the run's PostgreSQL
/// server, as docs/deployment.md ("Scale out") sets it up: every database of that server, reached with the server's own
/// user and password, and at most <c>poolSize</c> server connections per database however many clients connect.
/// Killed when disposed.
/// </summary>
public sealed class RunningPgBouncer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _log = new(); // its standard error, drained so that a full pipe never blocks it

    private RunningPgBouncer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <param name="serverUrl">The server, as DATABASE_URL names it (its host, port, user and password are used).</param>
    /// <param name="poolSize">Server connections per database (default_pool_size).</param>
    public static async Task<RunningPgBouncer> StartAsync(string serverUrl, int poolSize)
    {
        var server = DatabaseConnectionString.Parse(serverUrl);
        var directory = Directory.CreateTempSubdirectory("tikiya-pgbouncer-").FullName;
        var port = FreePort.Next();
        Process process;
        try
        {
            // The client side checks the password with SCRAM against this file; the server side logs in with it.
            await File.WriteAllTextAsync(Path.Combine(directory, "userlist.txt"),
                $"{Quoted(server.Username!)} {Quoted(server.Password ?? "")}\n");
            await File.WriteAllTextAsync(Path.Combine(directory, "pgbouncer.ini"), string.Create(CultureInfo.InvariantCulture, $"""
                [databases]
                * = host={server.Host} port={server.Port}

                [pgbouncer]
                listen_addr = 127.0.0.1
                listen_port = {port}
                unix_socket_dir =
                auth_type = scram-sha-256
                auth_file = {directory}/userlist.txt
                pool_mode = transaction
                default_pool_size = {poolSize}
                max_client_conn = 500
                server_tls_sslmode = prefer
                """));

            var startInfo = new ProcessStartInfo("pgbouncer") { RedirectStandardError = true, UseShellExecute = false };
            if (Environment.UserName == "root")
            {
                // PgBouncer refuses to run as root; it reads its files first, then becomes this user.
                startInfo.ArgumentList.Add("--user=nobody");
            }

            startInfo.ArgumentList.Add(Path.Combine(directory, "pgbouncer.ini"));
            process = Process.Start(startInfo)
                ?? throw new InvalidOperationException("pgbouncer did not start (apt-get install pgbouncer).");
        }
        catch
        {
            Directory.Delete(directory, recursive: true); // a failed start leaves nothing behind
            throw;
        }

        var pgbouncer = new RunningPgBouncer(process, directory, port);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (pgbouncer._log)
            {
                pgbouncer._log.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        try
        {
            await pgbouncer.WaitUntilListeningAsync();
            return pgbouncer;
        }
        catch
        {
            await pgbouncer.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// DATABASE_URL for <paramref name="database"/> (a connection string of a database on the server) through this
    /// PgBouncer, in the form docs/deployment.md gives: a postgres:// URL with <c>MaxAutoPrepare=0</c>, since PgBouncer
    /// 1.18 cannot keep prepared statements across transactions; <paramref name="preparedStatements"/> leaves it out.
    /// </summary>
    public string DatabaseUrl(string database, bool preparedStatements = false)
    {
        var target = DatabaseConnectionString.Parse(database);
        var url = string.Create(CultureInfo.InvariantCulture,
            $"postgres://{Uri.EscapeDataString(target.Username!)}:{Uri.EscapeDataString(target.Password ?? "")}@127.0.0.1:{Port}/{Uri.EscapeDataString(target.Database!)}");
        return preparedStatements ? url : url + "?MaxAutoPrepare=0";
    }

    public async ValueTask DisposeAsync()
    {
        await ChildProcess.KillAsync(_process);
        Directory.Delete(_directory, recursive: true);
    }

    // auth_file's format: each field in double quotes, a double quote inside doubled.
    private static string Quoted(string value) => $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"pgbouncer exited with {_process.ExitCode}: {Log()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException($"pgbouncer never listened: {Log()}");
    }

    private string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }
}
