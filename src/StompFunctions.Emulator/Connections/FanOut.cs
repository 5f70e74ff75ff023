using System.Buffers;

namespace StompFunctions.Emulator.Connections;

/// <summary>
/// Hands one payload to many connections. Small audiences are served inline; large ones are split into
/// slices sent in parallel, so a send to 10,000 sockets uses every core instead of one thread's serial loop.
/// </summary>
internal static class FanOut
{
    private const int ParallelThreshold = 1024;
    private const int SliceSize = 512;

    /// <summary>Sends to every target the filter accepts; returns how many accepted the message.</summary>
    public static int Send(IEnumerable<ClientConnection> targets, Func<ClientConnection, bool>? include, ReadOnlyMemory<byte> payload, bool binary)
    {
        var pool = ArrayPool<ClientConnection>.Shared;
        var selected = pool.Rent(256);
        var count = 0;
        try
        {
            foreach (var connection in targets)
            {
                if (include is not null && !include(connection))
                {
                    continue;
                }

                if (count == selected.Length)
                {
                    var larger = pool.Rent(count * 2);
                    Array.Copy(selected, larger, count);
                    Array.Clear(selected, 0, count);
                    pool.Return(selected);
                    selected = larger;
                }

                selected[count++] = connection;
            }

            return count < ParallelThreshold ? SendSlice(selected, 0, count, payload, binary) : SendInParallel(selected, count, payload, binary);
        }
        finally
        {
            // Do not let the pool keep connections alive.
            Array.Clear(selected, 0, count);
            pool.Return(selected);
        }
    }

    private static int SendInParallel(ClientConnection[] selected, int count, ReadOnlyMemory<byte> payload, bool binary)
    {
        var sent = 0;
        var slices = (count + SliceSize - 1) / SliceSize;
        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, slice =>
        {
            var start = slice * SliceSize;
            Interlocked.Add(ref sent, SendSlice(selected, start, Math.Min(SliceSize, count - start), payload, binary));
        });
        return sent;
    }

    private static int SendSlice(ClientConnection[] selected, int start, int length, ReadOnlyMemory<byte> payload, bool binary)
    {
        var sent = 0;
        for (var i = start; i < start + length; i++)
        {
            // The same array goes to every receiver: a fan-out copies nothing per connection.
            if (selected[i].TrySend(payload, binary))
            {
                sent++;
            }
        }

        return sent;
    }
}
