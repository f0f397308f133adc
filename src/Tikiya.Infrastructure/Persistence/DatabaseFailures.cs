using System.Net.Sockets;
using Npgsql;

namespace Tikiya.Infrastructure.Persistence;

public static class DatabaseFailures
{
    /// <summary>
    /// True when <paramref name="exception"/> (or one it wraps) says the database cannot be reached or cannot take the
    /// request now: server down or unreachable, connection lost, pool exhausted, too many connections, shutting down.
    /// Such failures are answered 503 with Retry-After, not 500: the request was fine, and may succeed soon.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
                        || postgres.SqlState.StartsWith("53", StringComparison.Ordinal) // insufficient resources
                        || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                            or PostgresErrorCodes.CannotConnectNow;
                case NpgsqlException npgsql when npgsql.IsTransient:
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }
}
