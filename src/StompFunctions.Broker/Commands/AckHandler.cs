using StompFunctions.Broker.Delivery;
using StompFunctions.Broker.Errors;
using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Frames;
using StompFunctions.Broker.Queues;
using StompFunctions.Broker.Routing;
using StompFunctions.Broker.Sessions;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Commands;

/// <summary>
/// ACK and NACK: resolved to a client-mode subscription of the connection, held when they name a transaction,
/// otherwise handed to the ACK hooks, then, for a queue subscription, to the queue (topic fan-out keeps no in-flight records).
/// </summary>
internal sealed class AckHandler(CompiledHandlers handlers, ContextServices services, TransactionHold transactions, DestinationClassifier destinations, QueueBroker queues)
    : ICommandHandler
{
    public ValueTask HandleAsync(CommandFrame command)
    {
        // Resolved before holding, so a bad ACK in a transaction fails when sent, not at COMMIT.
        if (!TryResolve(command, out _, out _))
        {
            return ValueTask.CompletedTask;
        }

        if (command.Frame.Headers.TryGetValue("transaction"u8, out var transaction))
        {
            transactions.Hold(command, transaction);
            return ValueTask.CompletedTask;
        }

        return PerformAsync(command);
    }

    /// <summary>An ACK or NACK taking effect, directly or at COMMIT (when its subscription may be gone).</summary>
    public async ValueTask PerformAsync(CommandFrame command)
    {
        if (!TryResolve(command, out var subscription, out var messageId))
        {
            return;
        }

        foreach (var hook in handlers.AckHooks)
        {
            var context = new StompAckContext(services, command.Execution, command.Frame, subscription.Id, subscription.Destination, subscription.AckMode, messageId);
            await hook(context).ConfigureAwait(false);
            if (context.IsRejected)
            {
                command.Fail(EngineFailure.Rejected(context.RejectionMessage!, context.RejectionDetails));
                return;
            }
        }

        // A queue subscription settles in the queue. An ACK of a delivery it no longer holds (settled by a cumulative ACK,
        // or put back and handed out again) changes nothing: REST sends can arrive out of order, so it is no error.
        if (destinations.Classify(subscription.Destination) == DestinationKind.Queue)
        {
            var execution = command.Execution;
            _ = command.Frame.Command == StompCommand.Nack
                ? await queues.NackAsync(subscription.Destination, execution.ConnectionId, subscription.Id, messageId, execution.CancellationToken).ConfigureAwait(false)
                : await queues.AckAsync(subscription.Destination, execution.ConnectionId, subscription.Id, messageId, execution.CancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Finds the subscription and message an ACK/NACK names: 1.2 names the MESSAGE's <c>ack</c> value in <c>id</c>;
    /// 1.1 gives <c>message-id</c> and <c>subscription</c>; 1.0 gives <c>message-id</c> (the validator made sure
    /// of them). The subscription must exist and be in a client mode.
    /// </summary>
    private static bool TryResolve(CommandFrame command, out SubscriptionEntry subscription, out string messageId)
    {
        subscription = null!;
        var session = command.Session;
        var headers = command.Frame.Headers;
        var name = command.Frame.Command.GetName();
        string? subscriptionId;
        if (session.Version == StompVersion.V1_2)
        {
            headers.TryGetValue("id"u8, out var ackId);
            if (!AckIds.TryParse(ackId ?? "", out var fromId, out messageId))
            {
                command.Fail(EngineError.UnknownAckId, ackId);
                return false;
            }

            subscriptionId = fromId;
        }
        else
        {
            headers.TryGetValue("message-id"u8, out var id);
            messageId = id ?? "";
            headers.TryGetValue("subscription"u8, out subscriptionId);
        }

        var found = subscriptionId is not null ? session.FindSubscription(subscriptionId) : SingleClientModeSubscription(session);
        if (found is null)
        {
            command.Fail(EngineError.AckForUnknownSubscription, name);
            return false;
        }

        if (found.AckMode == StompAckMode.Auto)
        {
            command.Fail(EngineError.AckForAutoSubscription, found.Id, name);
            return false;
        }

        subscription = found;
        return true;
    }

    // 1.0 ACKs carry only message-id; with exactly one client-mode subscription there is no ambiguity.
    private static SubscriptionEntry? SingleClientModeSubscription(SessionState session)
    {
        SubscriptionEntry? single = null;
        foreach (var subscription in session.Subscriptions)
        {
            if (subscription.AckMode == StompAckMode.Auto)
            {
                continue;
            }

            if (single is not null)
            {
                return null;
            }

            single = subscription;
        }

        return single;
    }
}
