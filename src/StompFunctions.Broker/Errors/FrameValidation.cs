using StompFunctions.Protocol;

namespace StompFunctions.Broker.Errors;

/// <summary>
/// Runs the protocol's <see cref="StompFrameValidator"/> on a client frame before it is dispatched, and turns
/// its failure into the engine's reason, so the ERROR texts clients see name the command and the header.
/// </summary>
internal static class FrameValidation
{
    public static bool TryValidate(in StompFrame frame, StompVersion version, out EngineFailure failure)
    {
        if (StompFrameValidator.TryValidate(frame, version, out var invalid))
        {
            failure = default;
            return true;
        }

        failure = ToEngineFailure(invalid, frame.Command, version);
        return false;
    }

    private static EngineFailure ToEngineFailure(in StompParseFailure invalid, StompCommand command, StompVersion version)
    {
        var name = command.GetName();
        return (invalid.Error, invalid.Header, command) switch
        {
            (StompParseError.CommandNotInVersion, _, StompCommand.Nack) => EngineFailure.For(EngineError.NackInVersion10),
            (StompParseError.MissingRequiredHeader, "destination", _) => EngineFailure.For(EngineError.MissingDestination, name),
            (StompParseError.MissingRequiredHeader, "id", StompCommand.Subscribe) => EngineFailure.For(EngineError.MissingSubscriptionId),
            (StompParseError.MissingRequiredHeader, "id", StompCommand.Unsubscribe) => EngineFailure.For(EngineError.MissingUnsubscribeId),
            (StompParseError.MissingRequiredHeader, "id", _) => EngineFailure.For(EngineError.MissingAckId, name),
            (StompParseError.MissingRequiredHeader, "message-id", _) => EngineFailure.For(EngineError.MissingMessageId, name, StompVersionNegotiation.ToHeaderValue(version)),
            (StompParseError.MissingRequiredHeader, "subscription", _) => EngineFailure.For(EngineError.MissingAckSubscription, name),
            (StompParseError.MissingRequiredHeader, "transaction", _) => EngineFailure.For(EngineError.MissingTransaction, name),
            (StompParseError.InvalidHeaderValue, "heart-beat", _) => EngineFailure.For(EngineError.InvalidHeartBeat),
            (StompParseError.InvalidHeaderValue, "ack", _) => EngineFailure.For(EngineError.InvalidAckMode),
            _ => EngineFailure.Unparsable(invalid),
        };
    }
}
