using StompFunctions.Protocol.Validation;

namespace StompFunctions.Protocol;

/// <summary>
/// Checks a parsed frame against the rules of its command in the session's version: required headers,
/// commands that do not exist in the version, and header values the protocol constrains. Parsing has
/// already enforced the grammar; this is the per-command layer above it.
/// </summary>
public static class StompFrameValidator
{
    /// <summary>
    /// True when the frame is acceptable. CONNECT/STOMP are checked without a version (none is negotiated
    /// yet): only a malformed <c>heart-beat</c> fails them. A missing <c>host</c> is accepted unless
    /// <paramref name="requireHost"/> is set (STOMP-S22: stompjs never sends it).
    /// </summary>
    public static bool TryValidate(in StompFrame frame, StompVersion version, out StompParseFailure failure, bool requireHost = false)
    {
        failure = default;
        var command = frame.Command;
        if (command == StompCommand.Nack && version == StompVersion.V1_0)
        {
            failure = new StompParseFailure(StompParseError.CommandNotInVersion, "NACK does not exist in STOMP 1.0");
            return false;
        }

        if (command.IsConnect())
        {
            return ValidateConnect(frame, requireHost, out failure);
        }

        foreach (var name in RequiredHeaders.For(command, version))
        {
            if (!frame.Headers.Contains(name))
            {
                failure = Missing(command, name);
                return false;
            }
        }

        return command switch
        {
            StompCommand.Subscribe => ValidateAckMode(frame, version, out failure),
            StompCommand.Unsubscribe when version == StompVersion.V1_0 => ValidateUnsubscribe10(frame, out failure),
            StompCommand.Connected => ValidateHeartBeat(frame, out failure),
            _ => true,
        };
    }

    private static bool ValidateConnect(in StompFrame frame, bool requireHost, out StompParseFailure failure)
    {
        failure = default;
        if (requireHost && frame.Headers.Contains("accept-version") && !frame.Headers.Contains("host"))
        {
            failure = Missing(frame.Command, "host");
            return false;
        }

        return ValidateHeartBeat(frame, out failure);
    }

    private static bool ValidateHeartBeat(in StompFrame frame, out StompParseFailure failure)
    {
        failure = default;
        if (StompHeartBeat.TryParse(frame.Headers["heart-beat"], out _))
        {
            return true;
        }

        failure = new StompParseFailure(StompParseError.InvalidHeaderValue, "heart-beat must be two non-negative integers separated by a comma", "heart-beat");
        return false;
    }

    private static bool ValidateAckMode(in StompFrame frame, StompVersion version, out StompParseFailure failure)
    {
        failure = default;
        // Compared on the bytes: validating a SUBSCRIBE allocates nothing.
        if (!frame.Headers.TryGetHeader("ack"u8, out var ack)
            || ack.ValueEquals("auto"u8)
            || ack.ValueEquals("client"u8)
            || (version != StompVersion.V1_0 && ack.ValueEquals("client-individual"u8)))
        {
            return true;
        }

        failure = new StompParseFailure(
            StompParseError.InvalidHeaderValue,
            version == StompVersion.V1_0 ? "ack must be auto or client" : "ack must be auto, client or client-individual",
            "ack");
        return false;
    }

    private static bool ValidateUnsubscribe10(in StompFrame frame, out StompParseFailure failure)
    {
        failure = default;
        if (frame.Headers.Contains("id") || frame.Headers.Contains("destination"))
        {
            return true;
        }

        failure = new StompParseFailure(StompParseError.MissingRequiredHeader, "UNSUBSCRIBE frame requires an id or destination header", "id");
        return false;
    }

    private static StompParseFailure Missing(StompCommand command, string header) =>
        new(StompParseError.MissingRequiredHeader, $"{command.GetName()} frame requires a {header} header", header);
}
