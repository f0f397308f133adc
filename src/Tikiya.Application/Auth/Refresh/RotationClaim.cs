namespace Tikiya.Application.Auth.Refresh;

/// <summary>
/// What a presented refresh token claims: to be the current token, of <paramref name="Generation"/>, of a session.
/// <paramref name="TokenHash"/> is what the session's row must hold for it; null for a v1 token, whose row in
/// <c>refresh_tokens</c> was the proof and whose session holds no hash yet. <paramref name="Proven"/>: the token is
/// proven ours even if no longer current (a valid tag, or a v1 row), so an earlier generation counts as reuse.
/// </summary>
public sealed record RotationClaim(Guid SessionId, long Generation, byte[]? TokenHash, bool Proven = true)
{
    public override string ToString() => nameof(RotationClaim); // never print the hash
}
