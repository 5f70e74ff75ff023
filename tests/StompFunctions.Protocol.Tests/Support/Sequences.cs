using System.Buffers;

namespace StompFunctions.Protocol.Tests.Support;

/// <summary>Ways to present the same bytes to the reader: whole, embedded at an offset, split, one byte per segment.</summary>
internal static class Sequences
{
    public static ReadOnlySequence<byte> FromSegments(IReadOnlyList<ReadOnlyMemory<byte>> parts)
    {
        if (parts.Count == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }

        var first = new TestSegment(parts[0], 0);
        var last = first;
        for (var i = 1; i < parts.Count; i++)
        {
            last = last.Append(parts[i]);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>The bytes in the middle of a larger array with garbage on both sides, so offsets are not zero.</summary>
    public static ReadOnlySequence<byte> Embedded(byte[] bytes)
    {
        var big = new byte[bytes.Length + 64];
        big.AsSpan().Fill(0xEE);
        bytes.CopyTo(big, 31);
        return new ReadOnlySequence<byte>(big, 31, bytes.Length);
    }

    public static ReadOnlySequence<byte> SplitAt(byte[] bytes, int point) =>
        FromSegments([Copy(bytes.AsMemory(0, point)), Copy(bytes.AsMemory(point))]);

    public static ReadOnlySequence<byte> OneBytePerSegment(byte[] bytes)
    {
        var parts = new List<ReadOnlyMemory<byte>>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            parts.Add(Copy(bytes.AsMemory(i, 1)));
        }

        return FromSegments(parts);
    }

    /// <summary>Every presentation the harness runs: whole, embedded, every two-segment split, one byte per segment.</summary>
    public static IEnumerable<(string Name, ReadOnlySequence<byte> Sequence)> AllVariants(byte[] bytes)
    {
        yield return ("whole", new ReadOnlySequence<byte>(bytes));
        yield return ("embedded", Embedded(bytes));
        for (var point = 0; point <= bytes.Length; point++)
        {
            yield return ($"split at {point}", SplitAt(bytes, point));
        }

        yield return ("one byte per segment", OneBytePerSegment(bytes));
    }

    // Each segment gets its own array, so no test can pass by reading past a segment's end.
    private static ReadOnlyMemory<byte> Copy(ReadOnlyMemory<byte> memory) => memory.ToArray();
}
