using System.ComponentModel.DataAnnotations;
using Tikiya.Infrastructure.Configuration;

namespace Tikiya.Api.Configuration;

public sealed class ServerOptions
{
    [Setting("PORT", "Port the API listens on, on every interface")]
    [Range(1, 65535, ErrorMessage = "PORT must be between 1 and 65535.")]
    public int Port { get; set; } = 8080;
}
