namespace StompFunctions.Broker.Commands;

/// <summary>ABORT: drops the transaction and the frames it held.</summary>
internal sealed class AbortHandler : ICommandHandler
{
    public ValueTask HandleAsync(CommandFrame command)
    {
        if (TransactionHold.TryTake(command, out _))
        {
            command.Execution.StateChanged = true;
        }

        return ValueTask.CompletedTask;
    }
}
