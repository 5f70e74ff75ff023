namespace StompFunctions.Broker.Delivery;

/// <summary>Draws the server-assigned parts of frames: message and session ids, and the optional <c>timestamp</c>.</summary>
internal sealed class MessageStamp(IStompIdGenerator ids, TimeProvider time, bool addTimestamp)
{
    public string NewId() => ids.NewId();

    /// <summary>Unix milliseconds of the injected clock when <see cref="StompBrokerOptions.AddTimestampHeader"/> is on; otherwise null.</summary>
    public long? Timestamp() => addTimestamp ? time.GetUtcNow().ToUnixTimeMilliseconds() : null;
}
