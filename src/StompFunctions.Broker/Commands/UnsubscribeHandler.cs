using StompFunctions.Broker.Delivery;
using StompFunctions.Broker.Errors;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Queues;
using StompFunctions.Broker.Sessions;

namespace StompFunctions.Broker.Commands;

/// <summary>UNSUBSCRIBE: leaves the group and removes the member row (a queue: removes the consumer), and forgets the subscription.</summary>
internal sealed class UnsubscribeHandler(IStompStateStore store, IConnectionGateway gateway, DestinationClassifier destinations, QueueBroker queues) : ICommandHandler
{
    public async ValueTask HandleAsync(CommandFrame command)
    {
        var execution = command.Execution;
        var session = command.Session;
        SubscriptionEntry? entry;

        // The validator made sure of an id, or in 1.0 of an id or a destination.
        if (command.Frame.Headers.TryGetValue("id"u8, out var key))
        {
            entry = session.FindSubscription(key);
        }
        else
        {
            // 1.0 may name the subscription by its destination.
            command.Frame.Headers.TryGetValue("destination"u8, out key);
            var destination = key ?? "";
            entry = session.Subscriptions.Find(s => string.Equals(s.Destination, destination, StringComparison.Ordinal));
        }

        if (entry is null)
        {
            command.Fail(EngineError.UnknownSubscription, key);
            return;
        }

        if (destinations.Classify(entry.Destination) == DestinationKind.Queue)
        {
            // Its unsettled messages go back to the queue, for other consumers.
            await queues.RemoveConsumerAsync(entry.Destination, execution.ConnectionId, entry.Id, execution.CancellationToken).ConfigureAwait(false);
        }
        else
        {
            var group = entry.GroupIn(session.Version);
            await gateway.RemoveFromGroupAsync(execution.ConnectionId, group, execution.CancellationToken).ConfigureAwait(false);
            await store.RemoveMemberAsync(entry.StoreDestination, group, execution.ConnectionId, execution.CancellationToken).ConfigureAwait(false);
        }

        session.Subscriptions.Remove(entry);
        execution.StateChanged = true;
    }
}
