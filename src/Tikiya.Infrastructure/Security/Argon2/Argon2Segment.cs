namespace Tikiya.Infrastructure.Security.Argon2;

/// <summary>
/// One segment: the blocks of one lane in one slice of one pass (RFC 9106 §3.4). Each block is G of the block before
/// and of a reference block; where the reference comes from is Argon2id's choice: from address blocks (independent of
/// the password, against side channels) in the first two slices of the first pass, from the previous block after.
/// </summary>
internal readonly struct Argon2Segment(Argon2Parameters cost, int pass, int slice, int lane)
{
    private bool DataIndependent => pass == 0 && slice < Argon2Parameters.SyncPoints / 2;

    public void Fill(Span<Argon2Block> lanes, Argon2Scratch scratch)
    {
        var laneLength = cost.LaneLength;
        var start = pass == 0 && slice == 0 ? 2 : 0; // blocks 0 and 1 come from H'
        if (DataIndependent)
        {
            StartAddresses(ref scratch.Input);
        }

        var current = lane * laneLength + slice * cost.SegmentLength + start;
        var previous = current % laneLength == 0 ? current + laneLength - 1 : current - 1;
        for (var index = start; index < cost.SegmentLength; index++, current++, previous = current - 1)
        {
            ulong random;
            if (DataIndependent)
            {
                if (index % Argon2Block.Words == 0 || index == start)
                {
                    NextAddresses(scratch);
                }

                random = scratch.Address[index % Argon2Block.Words];
            }
            else
            {
                random = lanes[previous][0];
            }

            // The first slice of the first pass has only this lane's blocks to refer to.
            var referenceLane = pass == 0 && slice == 0 ? lane : (int)((random >> 32) % (ulong)cost.Lanes);
            var reference = referenceLane * laneLength + ReferenceIndex(index, (uint)random, referenceLane == lane);
            Argon2Compression.Fill(ref lanes[previous], ref lanes[reference], ref lanes[current], ref scratch.Work,
                xorIntoNext: pass > 0); // version 0x13 overwrites by XOR after the first pass
        }
    }

    /// <summary>The reference block's index in its lane: φ(J1) over the blocks it may refer to (RFC 9106 §3.4.2).</summary>
    private int ReferenceIndex(int index, uint j1, bool sameLane)
    {
        var segmentLength = cost.SegmentLength;
        // W: every block already finished, less the previous one (it is an input anyway); only this lane's segment in
        // progress counts, other lanes' current segments may still be running.
        long finished = pass == 0 ? slice * segmentLength : cost.LaneLength - segmentLength;
        var areaSize = sameLane ? finished + index - 1 : finished + (index == 0 ? -1 : 0);
        var x = (ulong)j1 * j1 >> 32;
        var y = (ulong)areaSize * x >> 32;
        var relative = (ulong)areaSize - 1 - y;
        var areaStart = pass == 0 || slice == Argon2Parameters.SyncPoints - 1 ? 0 : (slice + 1) * segmentLength;
        return (int)(((ulong)areaStart + relative) % (ulong)cost.LaneLength);
    }

    private void StartAddresses(ref Argon2Block input)
    {
        Argon2Block.AsBytes(ref input).Clear();
        input[0] = (ulong)pass;
        input[1] = (ulong)lane;
        input[2] = (ulong)slice;
        input[3] = (ulong)cost.Blocks;
        input[4] = (ulong)cost.Iterations;
        input[5] = Argon2idCore.Type;
    }

    /// <summary>The next 128 addresses: G(0, G(0, input)) with input's counter, word 6, increased first.</summary>
    private static void NextAddresses(Argon2Scratch scratch)
    {
        scratch.Input[6]++;
        Argon2Compression.Fill(ref scratch.Zero, ref scratch.Input, ref scratch.Address, ref scratch.Work, xorIntoNext: false);
        Argon2Compression.Fill(ref scratch.Zero, ref scratch.Address, ref scratch.Address, ref scratch.Work, xorIntoNext: false);
    }
}
