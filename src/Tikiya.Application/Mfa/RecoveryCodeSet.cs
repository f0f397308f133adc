using Microsoft.EntityFrameworkCore;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Mfa;

namespace Tikiya.Application.Mfa;

/// <summary>An account's recovery codes, all at once: a new set replaces every old code, used or not (API.md v1.1).</summary>
internal sealed class RecoveryCodeSet(IApplicationDbContext db, IRecoveryCodes codes)
{
    /// <summary>In the caller's transaction: the old codes deleted, the new ones added; the codes, shown once, returned.</summary>
    public async Task<RecoveryCodesResponse> ReplaceAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.RecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        var set = codes.CreateSet(userId);
        db.RecoveryCodes.AddRange(set.Select(code => RecoveryCode.Issue(userId, code.Hash, now)));
        return new RecoveryCodesResponse([.. set.Select(code => code.Value)]);
    }

    /// <summary>In the caller's transaction: every code of the account gone (MFA switched off).</summary>
    public Task DeleteAllAsync(Guid userId, CancellationToken cancellationToken) =>
        db.RecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}
