namespace Tikiya.Application.Auth;

/// <summary>A refresh token as a client presented it, read by <see cref="Common.Interfaces.IRefreshTokenCodec"/>.</summary>
/// <param name="Hash">The SHA-256 the database compares: of the whole token, in either format.</param>
public abstract record PresentedRefreshToken(byte[] Hash)
{
    public override string ToString() => GetType().Name; // never print the hash
}

/// <summary>
/// A token that names its session and generation. <paramref name="Proven"/>: its tag checked out with the current key,
/// so we issued it. Unsigned, it may still be the session's current token, issued before JWT_SECRET changed (its hash,
/// 256 random bits, proves that); but only a proven one may stand for an earlier generation, as reuse.
/// </summary>
public sealed record SessionRefreshToken(Guid SessionId, long Generation, byte[] Hash, bool Proven) : PresentedRefreshToken(Hash)
{
    public override string ToString() => nameof(SessionRefreshToken);
}

/// <summary>A token issued before tokens named their session: only its hash, to look up in <c>refresh_tokens</c>.</summary>
public sealed record LegacyRefreshToken(byte[] Hash) : PresentedRefreshToken(Hash)
{
    public override string ToString() => nameof(LegacyRefreshToken);
}
