using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Sessions;
using StompFunctions.Protocol;

namespace StompFunctions.Broker;

public sealed partial class StompEngine
{
    private ValueTask HandleBegin(MessageExecution execution, in StompFrame frame)
    {
        var session = execution.Session;
        if (!TryGetTransactionId(execution, frame, out var id))
        {
            return ValueTask.CompletedTask;
        }

        if (session.FindTransaction(id) is not null)
        {
            Fail(execution, frame, "duplicate transaction", $"Transaction '{id}' is already open on this connection.");
        }
        else if (session.Transactions.Count >= _options.MaxOpenTransactions)
        {
            Fail(execution, frame, "too many transactions", $"A connection may have at most {_options.MaxOpenTransactions} open transactions.");
        }
        else
        {
            session.Transactions.Add(new TransactionEntry(id));
            execution.StateChanged = true;
        }

        return ValueTask.CompletedTask;
    }

    private ValueTask HandleAbort(MessageExecution execution, in StompFrame frame)
    {
        if (TryTakeTransaction(execution, frame, out _))
        {
            execution.StateChanged = true;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Performs the held frames in the order they arrived; the first failure stops the rest with an ERROR.</summary>
    private async ValueTask HandleCommitAsync(MessageExecution execution, StompFrame frame)
    {
        if (!TryTakeTransaction(execution, frame, out var transaction))
        {
            return;
        }

        execution.StateChanged = true;
        foreach (var raw in transaction.Frames)
        {
            var reader = new StompFrameReader(execution.Session.Version, _options.Parsing);
            if (reader.TryRead(raw, out var held, out var failure, out _) != System.Buffers.OperationStatus.Done)
            {
                Fail(execution, frame, "corrupt transaction", $"A held frame could not be read back: {failure.Message}.");
                return;
            }

            await (held.Command == StompCommand.Send ? PerformSendAsync(execution, held) : PerformAckAsync(execution, held)).ConfigureAwait(false);
            if (execution.ErrorSent)
            {
                return;
            }
        }
    }

    /// <summary>Keeps a SEND/ACK/NACK of a transaction until COMMIT, within the configured bounds.</summary>
    private void Hold(MessageExecution execution, in StompFrame frame, string transactionId, ReadOnlyMemory<byte> raw)
    {
        var transaction = execution.Session.FindTransaction(transactionId);
        if (transaction is null)
        {
            Fail(execution, frame, "unknown transaction", $"Transaction '{transactionId}' is not open on this connection.");
            return;
        }

        if (frame.Command == StompCommand.Send && !frame.Headers.Contains("destination"u8))
        {
            Fail(execution, frame, "missing destination", "SEND requires a destination header.");
            return;
        }

        if (transaction.Frames.Count >= _options.MaxTransactionFrames || transaction.Bytes + raw.Length > _options.MaxTransactionBytes)
        {
            Fail(execution, frame, "transaction too large", $"A transaction may hold at most {_options.MaxTransactionFrames} frames and {_options.MaxTransactionBytes} bytes.");
            return;
        }

        transaction.Frames.Add(raw.ToArray());
        execution.StateChanged = true;
    }

    private bool TryTakeTransaction(MessageExecution execution, in StompFrame frame, out TransactionEntry transaction)
    {
        transaction = null!;
        if (!TryGetTransactionId(execution, frame, out var id))
        {
            return false;
        }

        var found = execution.Session.FindTransaction(id);
        if (found is null)
        {
            Fail(execution, frame, "unknown transaction", $"Transaction '{id}' is not open on this connection.");
            return false;
        }

        execution.Session.Transactions.Remove(found);
        transaction = found;
        return true;
    }

    private bool TryGetTransactionId(MessageExecution execution, in StompFrame frame, out string id)
    {
        if (frame.Headers.TryGetValue("transaction"u8, out var value))
        {
            id = value;
            return true;
        }

        id = "";
        Fail(execution, frame, "missing transaction", $"{frame.Command.GetName()} requires a transaction header.");
        return false;
    }
}
