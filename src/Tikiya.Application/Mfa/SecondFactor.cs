using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Accounts;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Mfa;
using Tikiya.Domain.SecurityEvents;

namespace Tikiya.Application.Mfa;

/// <summary>
/// Whether a code proves the account's second factor, and spending it when it does: a TOTP code's step is the last
/// accepted from then (no replay within its window), a recovery code is used. Run under the account's lock (<see
/// cref="SecondFactorCheck"/>), so two requests with one code never both pass. No Argon2: a TOTP code is an HMAC, a
/// recovery code a keyed hash the database compares.
/// </summary>
internal sealed class SecondFactor(IApplicationDbContext db, ITotpSecrets totp, IRecoveryCodes recoveryCodes,
    SecurityEventRecorder events)
{
    /// <summary>
    /// Whether <paramref name="code"/> proves it. A pending authenticator is confirmed by its first code; a secret
    /// still under a previous key is re-encrypted under the current one. The changes are the caller's to save.
    /// </summary>
    public async Task<bool> ProveAsync(TotpAuthenticator authenticator, string code, bool recoveryCodesCount,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        var userId = authenticator.UserId;
        if (MfaCodeText.IsTotpCode(code, out var digits))
        {
            var secret = new EncryptedSecret(authenticator.SecretCiphertext, authenticator.KeyId);
            if (totp.MatchStep(userId, secret, digits, now, authenticator.MayAccept) is not { } step
                || !await AcceptStepAsync(userId, step, cancellationToken))
            {
                return false;
            }

            if (authenticator.IsConfirmed)
            {
                authenticator.Accept(step);
            }
            else
            {
                authenticator.Confirm(step, now);
            }

            if (totp.Reencrypt(userId, secret) is { } current)
            {
                authenticator.ReplaceSecret(current);
            }

            return true;
        }

        return recoveryCodesCount && await SpendRecoveryCodeAsync(userId, code, now, cancellationToken);
    }

    /// <summary>
    /// The step taken in the database as well, by a conditional UPDATE: the account's lock already orders the requests
    /// that check a code, and this holds even for two that locked different rows (an email changed between their
    /// reads), so no code is ever accepted twice. Saved with the caller's transaction.
    /// </summary>
    private async Task<bool> AcceptStepAsync(Guid userId, long step, CancellationToken cancellationToken) =>
        await db.TotpAuthenticators
            .Where(a => a.UserId == userId && (a.LastAcceptedStep == null || a.LastAcceptedStep < step))
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.LastAcceptedStep, step), cancellationToken) == 1;

    private async Task<bool> SpendRecoveryCodeAsync(Guid userId, string code, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hashes = recoveryCodes.HashesOf(userId, code);
        if (hashes.Count == 0)
        {
            return false;
        }

        // The current key's hash, or during a rotation the previous one's: at most one unused row matches either.
        var (current, previous) = (hashes[0], hashes[^1]);
        var used = await db.RecoveryCodes
            .Where(RecoveryCode.UnusedOf(userId))
            .Where(c => c.CodeHash == current || c.CodeHash == previous)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.UsedAt, now), cancellationToken);
        if (used == 0)
        {
            return false;
        }

        events.Record(userId, SecurityEventType.MfaRecoveryCodeUsed, now); // its owner sees that one went, and when
        return true;
    }
}
