namespace Tikiya.Infrastructure.Security.Argon2;

/// <summary>
/// A working memory rented for one hash. Disposing it wipes the blocks the hash used, whether the hash returned or
/// threw, before the memory can serve another hash: no data of one hash reaches the next.
/// </summary>
internal readonly ref struct Argon2MemoryLease
{
    private readonly Argon2MemoryPool _pool;
    private readonly Argon2Memory _memory;
    private readonly int _blocks;

    public Argon2MemoryLease(Argon2MemoryPool pool, Argon2Memory memory, int blocks)
    {
        (_pool, _memory, _blocks) = (pool, memory, blocks);
    }

    public Span<Argon2Block> Blocks => _memory.Span(_blocks);

    public void Dispose()
    {
        _memory.Clear(_blocks);
        _pool.Return(_memory);
    }
}
