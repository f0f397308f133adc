using System.ComponentModel.DataAnnotations;

namespace Tikiya.Api.Configuration;

public sealed class ServerOptions
{
    [ConfigurationKeyName("PORT"), Range(1, 65535, ErrorMessage = "PORT must be between 1 and 65535.")]
    public int Port { get; set; } = 8080;
}
