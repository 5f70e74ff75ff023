using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Sessions;
using StompFunctions.Protocol;

namespace StompFunctions.Broker;

public sealed partial class StompEngine
{
    private async ValueTask HandleSubscribeAsync(MessageExecution execution, StompFrame frame)
    {
        var session = execution.Session;
        if (!frame.Headers.TryGetValue("destination"u8, out var destination))
        {
            Fail(execution, frame, "missing destination", "SUBSCRIBE requires a destination header.");
            return;
        }

        // 1.0 made the id optional: such a subscription is named by its destination.
        if (!frame.Headers.TryGetValue("id"u8, out var id))
        {
            if (session.Version != StompVersion.V1_0)
            {
                Fail(execution, frame, "missing id", "SUBSCRIBE requires an id header.");
                return;
            }

            id = destination;
        }

        if (!TryParseAckMode(frame, session.Version, out var ackMode))
        {
            Fail(execution, frame, "invalid ack mode", "ack must be auto, client or client-individual (1.0: auto or client).");
            return;
        }

        if (session.FindSubscription(id) is not null)
        {
            Fail(execution, frame, "duplicate subscription id", $"Subscription id '{id}' is already active on this connection.");
            return;
        }

        if (session.Subscriptions.Count >= _options.MaxSubscriptionsPerConnection)
        {
            Fail(execution, frame, "too many subscriptions", $"A connection may hold at most {_options.MaxSubscriptionsPerConnection} subscriptions.");
            return;
        }

        if (!await AuthorizeAndRouteSubscribeAsync(execution, frame, destination, id, ackMode).ConfigureAwait(false))
        {
            return;
        }

        // The route row first, so a SEND finds the group; the group join before the RECEIPT, so a message
        // published after the RECEIPT reaches this subscriber.
        var entry = new SubscriptionEntry(id, destination, ackMode);
        var group = entry.Group;
        await _store.AddSubscriptionAsync(
            new StompRoute(destination, id, ackMode, group),
            new StompMember(destination, group, execution.ConnectionId, session.User),
            execution.CancellationToken).ConfigureAwait(false);
        await _gateway.AddToGroupAsync(execution.ConnectionId, group, execution.CancellationToken).ConfigureAwait(false);
        session.Subscriptions.Add(entry);
        execution.StateChanged = true;
    }

    private async ValueTask<bool> AuthorizeAndRouteSubscribeAsync(MessageExecution execution, StompFrame frame, string destination, string id, StompAckMode ackMode)
    {
        var handlers = Handlers;
        foreach (var authorize in handlers.SubscribeAuthorizers)
        {
            var hookContext = new StompSubscribeContext(this, execution, frame, destination, id, ackMode, NoRouteValues);
            await authorize(hookContext).ConfigureAwait(false);
            if (hookContext.IsRejected)
            {
                Fail(execution, frame, hookContext.RejectionMessage!, hookContext.RejectionDetails);
                return false;
            }
        }

        if (!handlers.Subscribe.IsEmpty && handlers.Subscribe.TryMatch(destination, out var handler, out var values))
        {
            var context = new StompSubscribeContext(this, execution, frame, destination, id, ackMode, values);
            await handler(context).ConfigureAwait(false);
            if (context.IsRejected)
            {
                Fail(execution, frame, context.RejectionMessage!, context.RejectionDetails);
                return false;
            }

            return true;
        }

        if (!IsBrokerDestination(destination))
        {
            Fail(execution, frame, "unknown destination", $"No handler is registered for '{destination}' and it has no broker prefix ({string.Join(", ", _options.BrokerPrefixes)}).");
            return false;
        }

        return true;
    }

    private async ValueTask HandleUnsubscribeAsync(MessageExecution execution, StompFrame frame)
    {
        var session = execution.Session;
        SubscriptionEntry? entry;
        string? key;
        if (frame.Headers.TryGetValue("id"u8, out key))
        {
            entry = session.FindSubscription(key);
        }
        else if (session.Version == StompVersion.V1_0 && frame.Headers.TryGetValue("destination"u8, out key))
        {
            // 1.0 may name the subscription by its destination.
            var destination = key;
            entry = session.Subscriptions.Find(s => string.Equals(s.Destination, destination, StringComparison.Ordinal));
        }
        else
        {
            Fail(execution, frame, "missing id", "UNSUBSCRIBE requires an id header.");
            return;
        }

        if (entry is null)
        {
            Fail(execution, frame, "unknown subscription", $"No active subscription of this connection matches '{key}'.");
            return;
        }

        var group = entry.Group;
        await _gateway.RemoveFromGroupAsync(execution.ConnectionId, group, execution.CancellationToken).ConfigureAwait(false);
        await _store.RemoveMemberAsync(entry.Destination, group, execution.ConnectionId, execution.CancellationToken).ConfigureAwait(false);
        session.Subscriptions.Remove(entry);
        execution.StateChanged = true;
    }

    private static bool TryParseAckMode(in StompFrame frame, StompVersion version, out StompAckMode ackMode)
    {
        ackMode = StompAckMode.Auto;
        if (!frame.Headers.TryGetValue("ack"u8, out var value))
        {
            return true;
        }

        switch (value)
        {
            case "auto":
                return true;
            case "client":
                ackMode = StompAckMode.Client;
                return true;
            case "client-individual" when version != StompVersion.V1_0:
                ackMode = StompAckMode.ClientIndividual;
                return true;
            default:
                return false;
        }
    }
}
