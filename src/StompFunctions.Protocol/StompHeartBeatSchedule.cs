namespace StompFunctions.Protocol;

/// <summary>The negotiated heart-beat intervals in milliseconds; 0 means no beats in that direction.</summary>
public readonly record struct StompHeartBeatSchedule(int ClientToServerMilliseconds, int ServerToClientMilliseconds)
{
    /// <summary>How often the client must send something, or null when it need not.</summary>
    public TimeSpan? ClientToServer => ClientToServerMilliseconds == 0 ? null : TimeSpan.FromMilliseconds(ClientToServerMilliseconds);

    /// <summary>How often the server must send something (a frame or an EOL), or null when it need not.</summary>
    public TimeSpan? ServerToClient => ServerToClientMilliseconds == 0 ? null : TimeSpan.FromMilliseconds(ServerToClientMilliseconds);

    /// <summary>
    /// How long the server may wait for client data before it declares the connection dead: the interval
    /// times <paramref name="toleranceFactor"/> (STOMP-S32 asks for a margin; stompjs and Artemis use 2).
    /// Null when the client sends no beats.
    /// </summary>
    public TimeSpan? ClientSilenceLimit(double toleranceFactor = 2.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(toleranceFactor, 1.0);
        return ClientToServerMilliseconds == 0 ? null : TimeSpan.FromMilliseconds(ClientToServerMilliseconds * toleranceFactor);
    }
}
