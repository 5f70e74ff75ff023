using System.Globalization;

namespace StompFunctions.Protocol;

/// <summary>
/// A <c>heart-beat:cx,cy</c> header value ([Heart-beating]): the first number is how often the sender of
/// the frame can send beats, the second how often it wants to receive them, in milliseconds; 0 means never.
/// </summary>
public readonly record struct StompHeartBeat(int CanSendMilliseconds, int WantsToReceiveMilliseconds)
{
    /// <summary><c>0,0</c>: no beats either way; also the meaning of a missing header (STOMP-S29).</summary>
    public static StompHeartBeat None => default;

    /// <summary>
    /// Parses a header value; null (header absent) is <see cref="None"/>. The value must be two
    /// non-negative decimal integers separated by one comma, nothing else.
    /// </summary>
    public static bool TryParse(string? value, out StompHeartBeat heartBeat)
    {
        heartBeat = None;
        if (value is null)
        {
            return true;
        }

        var comma = value.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0 || !TryParseMilliseconds(value.AsSpan(0, comma), out var x) || !TryParseMilliseconds(value.AsSpan(comma + 1), out var y))
        {
            return false;
        }

        heartBeat = new StompHeartBeat(x, y);
        return true;
    }

    /// <summary>
    /// The intervals both sides must honour, from the client's CONNECT value and the server's CONNECTED value
    /// (STOMP-S30): client→server every max(cx, sy) unless either is 0; server→client every max(sx, cy)
    /// unless either is 0. STOMP 1.0 has no heart-beats.
    /// </summary>
    public static StompHeartBeatSchedule Negotiate(StompHeartBeat client, StompHeartBeat server, StompVersion version = StompVersion.V1_2)
    {
        if (version == StompVersion.V1_0)
        {
            return default;
        }

        var clientToServer = client.CanSendMilliseconds == 0 || server.WantsToReceiveMilliseconds == 0
            ? 0
            : Math.Max(client.CanSendMilliseconds, server.WantsToReceiveMilliseconds);
        var serverToClient = server.CanSendMilliseconds == 0 || client.WantsToReceiveMilliseconds == 0
            ? 0
            : Math.Max(server.CanSendMilliseconds, client.WantsToReceiveMilliseconds);
        return new StompHeartBeatSchedule(clientToServer, serverToClient);
    }

    /// <summary>The header value, <c>x,y</c> (STOMP-S28).</summary>
    public override string ToString() =>
        CanSendMilliseconds.ToString(CultureInfo.InvariantCulture) + "," + WantsToReceiveMilliseconds.ToString(CultureInfo.InvariantCulture);

    private static bool TryParseMilliseconds(ReadOnlySpan<char> text, out int milliseconds)
    {
        milliseconds = 0;
        return !text.IsEmpty && !text.ContainsAnyExceptInRange('0', '9')
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out milliseconds);
    }
}
