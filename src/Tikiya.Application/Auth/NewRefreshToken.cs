namespace Tikiya.Application.Auth;

/// <summary>A refresh token for the client and the hash the database keeps instead of it.</summary>
public sealed record NewRefreshToken(string Token, byte[] Hash)
{
    public override string ToString() => nameof(NewRefreshToken); // never print the token
}
