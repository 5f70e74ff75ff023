namespace StompFunctions.Protocol.Tests.Support;

/// <summary>A frame turned into plain values, for comparing outcomes.</summary>
internal sealed record DecodedFrame(StompCommand Command, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public static DecodedFrame From(in StompFrame frame) => new(frame.Command, frame.Headers.ToList(), frame.Body.ToArray());

    public bool SameAs(DecodedFrame other) =>
        Command == other.Command && Headers.SequenceEqual(other.Headers) && Body.AsSpan().SequenceEqual(other.Body);

    public override string ToString() =>
        $"{Command} [{string.Join(", ", Headers.Select(h => h.Key + ":" + h.Value))}] body={Convert.ToHexString(Body)}";
}
