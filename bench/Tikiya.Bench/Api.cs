namespace Tikiya.Bench;

/// <summary>
/// The four endpoints the bench drives, on either server: Tikiya's, or those of the stock Identity app
/// (bench/IdentityPeer, MapIdentityApi). Both answer a login and a refresh with <c>{accessToken, refreshToken}</c> and
/// take <c>{refreshToken}</c> to refresh, so one driver serves both; only the paths differ.
/// </summary>
internal sealed record Api(string Name, string Register, string Login, string Refresh, string Me)
{
    public static readonly Api Tikiya = new("tikiya", "/api/v1/auth/register", "/api/v1/auth/login",
        "/api/v1/auth/refresh", "/api/v1/users/me");

    // useCookies=false: Identity's bearer tokens in the body, as a mobile or SPA client of either server would use.
    public static readonly Api Identity = new("identity", "/register", "/login?useCookies=false", "/refresh", "/manage/info");

    public static Api Parse(string? name) => name switch
    {
        null or "tikiya" => Tikiya,
        "identity" => Identity,
        _ => throw new UsageException($"--api takes tikiya or identity, got '{name}'"),
    };
}

/// <summary>One seeded account: a line <c>email,password</c> of the seed's file.</summary>
internal sealed record Account(string Email, string Password)
{
    public static async Task<Account[]> ReadAllAsync(string path, CancellationToken cancellationToken) =>
    [
        .. (await File.ReadAllLinesAsync(path, cancellationToken))
            .Select((line, index) => (Line: line.TrimEnd('\r'), Number: index + 1))
            .Where(l => l.Line.Length > 0)
            .Select(l => l.Line.Split(',', 2) is [{ Length: > 0 } email, { Length: > 0 } password]
                ? new Account(email, password)
                : throw new UsageException($"{path} line {l.Number}: expected email,password")),
    ];
}
