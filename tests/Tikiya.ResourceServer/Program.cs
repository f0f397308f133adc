using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Tikiya.ResourceServer;

/// <summary>
/// A resource server that knows of Tikiya only its address (TIKIYA_URL) and the audience of its tokens: JwtBearer reads
/// /.well-known/openid-configuration there, takes the issuer from it and the keys from its jwks_uri, and validates
/// every token with them. No secret, no key file, no issuer configured here.
/// </summary>
public sealed class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        // Read when the scheme is first used, so that a host (a test's) can set the variables after Main has run.
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IConfiguration>((options, configuration) =>
        {
            options.Authority = configuration["TIKIYA_URL"];
            options.Audience = configuration["TIKIYA_AUDIENCE"] ?? "tikiya-clients";
            options.RequireHttpsMetadata = options.Authority is { } authority && !new Uri(authority).IsLoopback; // https but on loopback
            options.MapInboundClaims = false; // keep "sub" as Tikiya writes it
        });
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/whoami", (ClaimsPrincipal user) => new { sub = user.FindFirstValue("sub") }).RequireAuthorization();
        app.Run();
    }
}
