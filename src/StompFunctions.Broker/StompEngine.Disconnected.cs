using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker;

public sealed partial class StompEngine
{
    /// <summary>
    /// Handles Web PubSub's <c>disconnected</c> event: removes the connection's member rows (the state lists
    /// its subscriptions), drops its spilled state, and so aborts its open transactions. Groups need no
    /// call: the service drops a closed connection from them. Store failures are logged and left to the
    /// collector, which removes members of connections that no longer exist.
    /// </summary>
    public async ValueTask HandleDisconnectedAsync(string connectionId, string? connectionState, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionId);
        try
        {
            var session = await LoadStateAsync(connectionId, connectionState, cancellationToken).ConfigureAwait(false);
            if (session is null)
            {
                Log.StateCorrupt(_logger, connectionId);
                return;
            }

            foreach (var subscription in session.Subscriptions)
            {
                await _store.RemoveMemberAsync(subscription.Destination, subscription.Group, connectionId, cancellationToken).ConfigureAwait(false);
            }

            if (session.SpillETag is not null)
            {
                await _store.DeleteSpilledStateAsync(connectionId, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (StompStoreUnavailableException ex)
        {
            Log.DisconnectCleanupFailed(_logger, ex, connectionId);
        }
    }
}
