using System.Buffers;
using StompFunctions.Broker.Errors;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Commands;

/// <summary>COMMIT: performs the held frames in the order they arrived; the first failure stops the rest with an ERROR.</summary>
internal sealed class CommitHandler(StompParseOptions parsing, SendHandler send, AckHandler ack) : ICommandHandler
{
    public async ValueTask HandleAsync(CommandFrame command)
    {
        if (!TransactionHold.TryTake(command, out var transaction))
        {
            return;
        }

        var execution = command.Execution;
        execution.StateChanged = true;
        foreach (var raw in transaction.Frames)
        {
            var reader = new StompFrameReader(execution.Session.Version, parsing);
            if (reader.TryRead(raw, out var held, out var failure, out _) != OperationStatus.Done)
            {
                command.Fail(EngineError.CorruptTransaction, failure.Message);
                return;
            }

            var heldCommand = new CommandFrame(execution, held, raw);
            await (held.Command == StompCommand.Send ? send.PerformAsync(heldCommand) : ack.PerformAsync(heldCommand)).ConfigureAwait(false);
            if (execution.ErrorSent)
            {
                return;
            }
        }
    }
}
