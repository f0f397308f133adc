using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Mfa;

namespace Tikiya.Application.Auth.Maintenance;

/// <summary>
/// Re-encrypts under the current key every TOTP secret an earlier key made, a batch at a time, key by key. Each row is
/// written by a compare-and-swap (<c>UPDATE … WHERE user_id AND key_id AND secret_ciphertext</c> as read): another
/// instance's run, a sign-in that re-encrypted it first or a new enrolment meanwhile leaves it alone, and only the
/// secret's two columns are written, so a code accepted meanwhile (its step) is never lost.
/// </summary>
internal sealed class ReencryptTotpSecretsHandler(
    [FromKeyedServices(IApplicationDbContext.BackgroundWork)] IApplicationDbContext db, ITotpSecrets secrets)
    : ICommandHandler<ReencryptTotpSecretsCommand, TotpReencryptionResult>
{
    public async ValueTask<TotpReencryptionResult> Handle(ReencryptTotpSecretsCommand command, CancellationToken cancellationToken)
    {
        var current = secrets.CurrentKeyId;
        var earlierKeys = await db.TotpAuthenticators.Where(a => a.KeyId != current).Select(a => a.KeyId).Distinct()
            .ToListAsync(cancellationToken);
        var (reencrypted, unreadable) = (0, 0);
        foreach (var keyId in earlierKeys)
        {
            var moved = await ReencryptUnderAsync(keyId, command.BatchSize, cancellationToken);
            reencrypted += moved.Reencrypted;
            unreadable += moved.Unreadable;
        }

        return new TotpReencryptionResult(reencrypted, unreadable);
    }

    private async Task<TotpReencryptionResult> ReencryptUnderAsync(byte[] keyId, int batchSize, CancellationToken cancellationToken)
    {
        var underKey = db.TotpAuthenticators.AsNoTracking().Where(a => a.KeyId == keyId);
        if (!secrets.Knows(keyId))
        {
            // A key neither JWT_SECRET nor JWT_SECRET_PREVIOUS is: none of its rows can be read, so none is tried (and
            // logged) on every run of every instance; the count is what an operator needs.
            return new TotpReencryptionResult(0, await underKey.CountAsync(cancellationToken));
        }

        var (reencrypted, unreadable) = (0, 0);
        while (true)
        {
            // A row moved leaves the set and an unreadable one stays in it, in order: skipping those seen goes on.
            var batch = await underKey.OrderBy(a => a.UserId).Skip(unreadable).Take(batchSize)
                .Select(a => new { a.UserId, a.SecretCiphertext }).ToListAsync(cancellationToken);
            foreach (var row in batch)
            {
                if (secrets.Reencrypt(row.UserId, new EncryptedSecret(row.SecretCiphertext, keyId)) is not { } moved)
                {
                    unreadable++;
                    continue;
                }

                reencrypted += await db.TotpAuthenticators
                    .Where(a => a.UserId == row.UserId && a.KeyId == keyId && a.SecretCiphertext == row.SecretCiphertext)
                    .ExecuteUpdateAsync(a => a.SetProperty(x => x.SecretCiphertext, moved.Ciphertext)
                        .SetProperty(x => x.KeyId, moved.KeyId), cancellationToken);
            }

            if (batch.Count < batchSize)
            {
                return new TotpReencryptionResult(reencrypted, unreadable);
            }
        }
    }
}
