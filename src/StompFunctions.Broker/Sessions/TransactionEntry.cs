namespace StompFunctions.Broker.Sessions;

/// <summary>An open transaction: the raw bytes of the SEND/ACK/NACK frames held until COMMIT, in order.</summary>
internal sealed class TransactionEntry(string id)
{
    public string Id { get; } = id;

    public List<byte[]> Frames { get; } = [];

    public int Bytes => Frames.Sum(f => f.Length);
}
