using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Frames;
using StompFunctions.Broker.Sessions;
using StompFunctions.Protocol;

namespace StompFunctions.Broker;

public sealed partial class StompEngine
{
    private ValueTask HandleAckAsync(MessageExecution execution, StompFrame frame, ReadOnlyMemory<byte> raw)
    {
        if (frame.Command == StompCommand.Nack && execution.Session.Version == StompVersion.V1_0)
        {
            Fail(execution, frame, "unexpected command", "NACK does not exist in STOMP 1.0.");
            return ValueTask.CompletedTask;
        }

        // Validate before holding, so a bad ACK in a transaction fails when sent, not at COMMIT.
        if (!TryResolveAck(execution, frame, out _, out _))
        {
            return ValueTask.CompletedTask;
        }

        if (frame.Headers.TryGetValue("transaction"u8, out var transaction))
        {
            Hold(execution, frame, transaction, raw);
            return ValueTask.CompletedTask;
        }

        return PerformAckAsync(execution, frame);
    }

    /// <summary>An ACK or NACK taking effect: the engine keeps no in-flight records (fan-out is per group), so it is handed to the ACK hooks.</summary>
    private async ValueTask PerformAckAsync(MessageExecution execution, StompFrame frame)
    {
        if (!TryResolveAck(execution, frame, out var subscription, out var messageId))
        {
            return;
        }

        foreach (var hook in Handlers.AckHooks)
        {
            var context = new StompAckContext(this, execution, frame, subscription.Id, subscription.Destination, subscription.AckMode, messageId);
            await hook(context).ConfigureAwait(false);
            if (context.IsRejected)
            {
                Fail(execution, frame, context.RejectionMessage!, context.RejectionDetails);
                return;
            }
        }
    }

    /// <summary>
    /// Checks an ACK/NACK per version: 1.2 names the MESSAGE's <c>ack</c> value in <c>id</c>; 1.1 gives
    /// <c>message-id</c> and <c>subscription</c>; 1.0 gives <c>message-id</c>. The subscription must exist
    /// and be in a client mode.
    /// </summary>
    private bool TryResolveAck(MessageExecution execution, in StompFrame frame, out SubscriptionEntry subscription, out string messageId)
    {
        subscription = null!;
        messageId = "";
        var session = execution.Session;
        string? subscriptionId;
        if (session.Version == StompVersion.V1_2)
        {
            if (!frame.Headers.TryGetValue("id"u8, out var ackId))
            {
                Fail(execution, frame, "missing id", $"{frame.Command.GetName()} requires an id header (the MESSAGE's ack value).");
                return false;
            }

            if (!AckIds.TryParse(ackId, out var fromId, out messageId))
            {
                Fail(execution, frame, "unknown ack id", $"'{ackId}' is not an ack value this server issued.");
                return false;
            }

            subscriptionId = fromId;
        }
        else
        {
            if (!frame.Headers.TryGetValue("message-id"u8, out var id))
            {
                Fail(execution, frame, "missing message-id", $"{frame.Command.GetName()} requires a message-id header in STOMP {ServerFrames.VersionText(session.Version)}.");
                return false;
            }

            messageId = id;
            frame.Headers.TryGetValue("subscription"u8, out subscriptionId);
            if (subscriptionId is null && session.Version == StompVersion.V1_1)
            {
                Fail(execution, frame, "missing subscription", $"{frame.Command.GetName()} requires a subscription header in STOMP 1.1.");
                return false;
            }
        }

        var found = subscriptionId is not null
            ? session.FindSubscription(subscriptionId)
            : SingleClientModeSubscription(session);
        if (found is null || found.AckMode == StompAckMode.Auto)
        {
            Fail(execution, frame, "unknown subscription", found is null
                ? $"{frame.Command.GetName()} names no active subscription of this connection."
                : $"Subscription '{found.Id}' uses ack mode auto; its messages need no {frame.Command.GetName()}.");
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
