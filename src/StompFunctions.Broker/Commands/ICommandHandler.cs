namespace StompFunctions.Broker.Commands;

/// <summary>Handles the frames of one client command (or of a pair, ACK/NACK), after session checks, validation and middleware.</summary>
internal interface ICommandHandler
{
    /// <summary>Does what the frame asks; refuses it through <see cref="CommandFrame.Fail(Errors.EngineError, ReadOnlySpan{object?})"/>. The RECEIPT is not its business.</summary>
    ValueTask HandleAsync(CommandFrame command);
}
