namespace StompFunctions.Broker.Commands;

/// <summary>DISCONNECT: aborts open transactions and closes after the RECEIPT.</summary>
internal sealed class DisconnectHandler : ICommandHandler
{
    public ValueTask HandleAsync(CommandFrame command)
    {
        // Subscriptions are cleaned up by the disconnected event, whose state still lists them.
        var session = command.Session;
        if (session.HasTransactions)
        {
            session.Transactions.Clear();
            command.Execution.StateChanged = true;
        }

        command.Execution.Close("client sent DISCONNECT");
        return ValueTask.CompletedTask;
    }
}
