namespace Tikiya.Infrastructure.Security.Argon2;

/// <summary>
/// Keeps up to <c>capacity</c> working memories, one per hashing thread: a hash rents one, grown to the largest size
/// asked so far, and gives it back wiped. A buffer is never shared by two hashes at once. Whatever thread hashes, at
/// most <c>capacity</c> buffers stay allocated; a hash beyond them gets one of its own, dropped after use.
/// </summary>
internal sealed class Argon2MemoryPool(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Stack<Argon2Memory> _idle = new();

    /// <summary>For tests: the buffers kept for the next hashes.</summary>
    internal IReadOnlyList<Argon2Memory> Idle
    {
        get
        {
            lock (_lock)
            {
                return [.. _idle];
            }
        }
    }

    public Argon2MemoryLease Rent(int blocks)
    {
        Argon2Memory? memory;
        lock (_lock)
        {
            _idle.TryPop(out memory);
        }

        if (memory is null || memory.Blocks < blocks)
        {
            memory = new Argon2Memory(blocks); // a smaller one is dropped: it is zero, and the GC takes it back
        }

        return new Argon2MemoryLease(this, memory, blocks);
    }

    internal void Return(Argon2Memory memory)
    {
        lock (_lock)
        {
            if (_idle.Count < capacity)
            {
                _idle.Push(memory);
            }
        }
    }
}
