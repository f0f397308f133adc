using System.ComponentModel.DataAnnotations;
using Tikiya.Infrastructure.Configuration;

namespace Tikiya.Api.Configuration;

/// <summary>
/// Kestrel's two listeners: the API's (PORT on BIND_ADDRESS) and the management one (METRICS_PORT on METRICS_ADDRESS),
/// which serves the metrics and the health checks and nothing of the API.
/// </summary>
public sealed class ServerOptions
{
    [Setting("PORT", "Port the API listens on (on BIND_ADDRESS)")]
    [Range(1, 65535, ErrorMessage = "PORT must be between 1 and 65535.")]
    public int Port { get; set; } = 8080;

    // Every interface by default, so that a container or a host without a proxy works as is; the shipped unit binds
    // loopback, behind nginx.
    [Setting("BIND_ADDRESS", "Address the API listens on: an IPv4 or IPv6 address; empty for every interface (IPv4 and IPv6)")]
    public string BindAddress { get; set; } = "";

    // Metrics tell a stranger too much (routes, load, pool sizes): they get a port of their own, on loopback by default.
    [Setting("METRICS_PORT", "Port of the management listener: /metrics and /health/* only; 0 turns it off")]
    [Range(0, 65535, ErrorMessage = "METRICS_PORT must be between 0 (off) and 65535.")]
    public int MetricsPort { get; set; } = 9464;

    [Setting("METRICS_ADDRESS", "Address the management listener listens on: an IPv4 or IPv6 address")]
    public string MetricsAddress { get; set; } = "127.0.0.1";

    public bool MetricsEnabled => MetricsPort != 0;
}
