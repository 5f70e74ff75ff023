using StompFunctions.Broker.Errors;
using StompFunctions.Broker.Sessions;

namespace StompFunctions.Broker.Commands;

/// <summary>BEGIN: opens a transaction in the session, within <see cref="StompBrokerOptions.MaxOpenTransactions"/>.</summary>
internal sealed class BeginHandler(StompBrokerOptions options) : ICommandHandler
{
    public ValueTask HandleAsync(CommandFrame command)
    {
        var session = command.Session;
        var id = TransactionHold.TransactionId(command);
        if (session.FindTransaction(id) is not null)
        {
            command.Fail(EngineError.DuplicateTransaction, id);
        }
        else if (session.Transactions.Count >= options.MaxOpenTransactions)
        {
            command.Fail(EngineError.TooManyTransactions, options.MaxOpenTransactions);
        }
        else
        {
            session.Transactions.Add(new TransactionEntry(id));
            command.Execution.StateChanged = true;
        }

        return ValueTask.CompletedTask;
    }
}
