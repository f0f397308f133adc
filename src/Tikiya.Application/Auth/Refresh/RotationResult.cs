namespace Tikiya.Application.Auth.Refresh;

/// <summary>What a rotation found.</summary>
/// <param name="UserId">Whose session it is.</param>
/// <param name="SeenGeneration">
/// The session's generation when the refresh began, before any rotation that committed while it waited for the row:
/// what tells a refresh that lost a race (its token was still current then) from a replay of a token the session had
/// already moved past (reuse), which look alike once the winner has committed.
/// </param>
/// <param name="Rotated">Whether this refresh moved the session to the next generation.</param>
/// <param name="SecondFactor">Whether the session's login proved the second factor: its <c>amr</c>, kept across refreshes.</param>
public sealed record RotationResult(Guid UserId, long SeenGeneration, bool Rotated, bool SecondFactor);
