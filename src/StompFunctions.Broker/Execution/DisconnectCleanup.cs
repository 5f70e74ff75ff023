using Microsoft.Extensions.Logging;
using StompFunctions.Broker.Delivery;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Queues;

namespace StompFunctions.Broker.Execution;

/// <summary>
/// What Web PubSub's <c>disconnected</c> event undoes: the connection's member rows and queue consumers (its state
/// lists its subscriptions), its spilled state and its event marker. Store failures are logged and left to the collector.
/// </summary>
internal sealed class DisconnectCleanup(SessionPersistence sessions, IStompStateStore store, DestinationClassifier destinations, QueueBroker queues, ILogger logger)
{
    public async ValueTask CleanUpAsync(string connectionId, string? connectionState, CancellationToken cancellationToken)
    {
        try
        {
            var session = await sessions.LoadAsync(connectionId, connectionState, cancellationToken).ConfigureAwait(false);
            if (session is null)
            {
                EngineLog.StateCorrupt(logger, connectionId);
                return;
            }

            foreach (var subscription in session.Subscriptions)
            {
                // A queue consumer goes, and its unsettled messages go back to the queue for others.
                _ = destinations.Classify(subscription.Destination) == DestinationKind.Queue
                    ? await queues.RemoveConsumerAsync(subscription.Destination, connectionId, subscription.Id, cancellationToken).ConfigureAwait(false)
                    : await store.RemoveMemberAsync(subscription.StoreDestination, subscription.GroupIn(session.Version), connectionId, cancellationToken).ConfigureAwait(false) == StoreOutcome.Ok;
            }

            if (session.SpillETag is not null)
            {
                await store.DeleteSpilledStateAsync(connectionId, cancellationToken).ConfigureAwait(false);
            }

            if (session.EventVersion is not null)
            {
                await store.DeleteEventMarkerAsync(connectionId, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (StompStoreUnavailableException ex)
        {
            EngineLog.DisconnectCleanupFailed(logger, connectionId, ex.Message);
        }
    }
}
