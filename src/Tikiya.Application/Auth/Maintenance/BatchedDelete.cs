using Microsoft.EntityFrameworkCore;

namespace Tikiya.Application.Auth.Maintenance;

internal static class BatchedDelete
{
    /// <summary>
    /// Deletes the rows of <paramref name="rows"/> <paramref name="batchSize"/> at a time, each batch its own short
    /// statement (<c>DELETE … WHERE id IN (SELECT id … LIMIT n)</c>), until a batch comes back short: after a backlog on
    /// a big table no statement holds its locks, or the pool's connection, for long.
    /// </summary>
    public static async Task<int> DeleteInBatchesAsync<T>(this IQueryable<T> rows, int batchSize, CancellationToken cancellationToken)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await rows.Take(batchSize).ExecuteDeleteAsync(cancellationToken);
            total += deleted;
        }
        while (deleted == batchSize);

        return total;
    }
}
