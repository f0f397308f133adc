using Tikiya.Api;
using Tikiya.Api.Authentication;
using Tikiya.Api.Configuration;
using Tikiya.Api.Health;
using Tikiya.Api.Observability;
using Tikiya.Api.OpenApi;
using Tikiya.Api.Resilience;

// `tikiya_api` serves the API; `tikiya_api migrate` applies the database migrations and exits; `tikiya_api settings`
// prints the settings' catalogue (docs/configuration.md) and exits.
var migrateCommand = args is ["migrate", ..];

// The content root is the binary's folder, so appsettings.json is found whatever the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddTikiya(builder.Configuration);

await using var app = builder.Build();
if (args is ["settings", ..])
{
    SettingsCommand.Write(app.Services, Console.Out);
    return 0;
}

if (!StartupValidation.Succeeded(app.Services, Console.Error))
{
    return 1;
}

EffectiveConfiguration.Log(app.Services);
if (!await DatabaseStartup.MigrateAsync(app, migrateCommand, Console.Error))
{
    return 1;
}

if (migrateCommand)
{
    return 0;
}

// The request path of ARCHITECTURE.md, in order; the management port branches off first.
app.UseManagementListener();
app.UseForwardedHeaders();
app.UseMiddleware<ClientLogScope>(); // after the forwarded headers: the client's own address
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRouting();
app.UseRateLimiter();
app.UseRequestTimeouts();
app.UseAuthentication();
app.UseAuthorization();
app.MapApiReference();
app.MapHealthEndpoints();
app.MapWellKnownEndpoints();
app.MapControllers().WithJsonBodyLimit(app.Services);
await app.RunAsync();
return 0;
