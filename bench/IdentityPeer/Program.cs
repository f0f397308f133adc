using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

// A stock ASP.NET Core Identity API app (the docs' "Identity API endpoints" set-up): /register, /login, /refresh and
// /manage/info from MapIdentityApi, IdentityUser in EF Core on PostgreSQL, every Identity option at its default
// (PBKDF2 hasher, bearer tokens). The only additions are what bench/run needs to drive it: the pool size of Tikiya's
// (PEER_POOL_MAX, so that neither server gets more connections than the other), and /health/ready, which answers once
// the schema exists because EnsureCreated runs before the app listens.
var builder = WebApplication.CreateBuilder(args);

var connectionString = builder.Configuration.GetConnectionString("Identity")
    ?? throw new InvalidOperationException("ConnectionStrings__Identity is not set");
var poolMax = builder.Configuration.GetValue("PEER_POOL_MAX", 20);
builder.Services.AddDbContext<PeerDbContext>(options =>
    options.UseNpgsql($"{connectionString};Maximum Pool Size={poolMax}"));
builder.Services.AddAuthorization();
builder.Services.AddIdentityApiEndpoints<IdentityUser>().AddEntityFrameworkStores<PeerDbContext>();

var app = builder.Build();

using (var scope = app.Services.CreateScope())
{
    // Creates the database and its tables on first start (no migrations: this app is thrown away after each run).
    await scope.ServiceProvider.GetRequiredService<PeerDbContext>().Database.EnsureCreatedAsync();
}

app.MapIdentityApi<IdentityUser>();
app.MapGet("/health/ready", () => Results.Ok());

await app.RunAsync();

/// <summary>Identity's tables, nothing else.</summary>
internal sealed class PeerDbContext(DbContextOptions<PeerDbContext> options) : IdentityDbContext<IdentityUser>(options);
