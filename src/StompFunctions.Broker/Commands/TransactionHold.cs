using StompFunctions.Broker.Errors;
using StompFunctions.Broker.Sessions;

namespace StompFunctions.Broker.Commands;

/// <summary>The open transactions of a session: holding SEND/ACK/NACK frames until COMMIT within the configured bounds, and taking a transaction out.</summary>
internal sealed class TransactionHold(StompBrokerOptions options)
{
    /// <summary>Keeps the frame's bytes in the named transaction.</summary>
    public void Hold(CommandFrame command, string transactionId)
    {
        var transaction = command.Session.FindTransaction(transactionId);
        if (transaction is null)
        {
            command.Fail(EngineError.UnknownTransaction, transactionId);
            return;
        }

        if (transaction.Frames.Count >= options.MaxTransactionFrames || transaction.Bytes + command.Raw.Length > options.MaxTransactionBytes)
        {
            command.Fail(EngineError.TransactionTooLarge, options.MaxTransactionFrames, options.MaxTransactionBytes);
            return;
        }

        transaction.Frames.Add(command.Raw.ToArray());
        command.Execution.StateChanged = true;
    }

    /// <summary>Removes the transaction the frame names from the session; false (after an ERROR) when it is not open.</summary>
    public static bool TryTake(CommandFrame command, out TransactionEntry transaction)
    {
        transaction = null!;
        var id = TransactionId(command);
        var found = command.Session.FindTransaction(id);
        if (found is null)
        {
            command.Fail(EngineError.UnknownTransaction, id);
            return false;
        }

        command.Session.Transactions.Remove(found);
        transaction = found;
        return true;
    }

    /// <summary>The <c>transaction</c> header of BEGIN, COMMIT or ABORT (validation made sure there is one).</summary>
    public static string TransactionId(CommandFrame command) => command.Frame.Headers["transaction"] ?? "";
}
