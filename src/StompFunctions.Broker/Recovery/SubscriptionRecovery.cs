using Microsoft.Extensions.Logging;
using StompFunctions.Broker.Delivery;
using StompFunctions.Broker.Errors;
using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Queues;
using StompFunctions.Broker.Sessions;

namespace StompFunctions.Broker.Recovery;

/// <summary>
/// Keeps a connection's rows in the store in step with its own state when the store loses them (docs/table-design.md,
/// "Store generation"). Before a message's frames: when the store's generation differs from the one the connection's
/// routes were written under (<see cref="SessionState.Generation"/>), its routes, members and queue consumers are written
/// again from <see cref="SessionState.Subscriptions"/> and it moves to the new generation's notice group; when that
/// fails the client gets an ERROR instead. After the frames: a connection that got its first subscription is stamped
/// with the generation read before the writes and joins that generation's notice group.
/// </summary>
internal sealed class SubscriptionRecovery(
    IStompStateStore store,
    IConnectionGateway gateway,
    StoreGenerationWatch watch,
    LostSubscriptionNotices notices,
    DestinationClassifier destinations,
    QueueBroker queues,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>
    /// Restores the connection's routes when the store lost them. Returns the generation read before any frame writes
    /// (null when unknown) and whether the connection had subscriptions; on failure the execution carries the ERROR.
    /// </summary>
    public async ValueTask<RecoveryCheck> BeforeFramesAsync(MessageExecution execution)
    {
        var session = execution.Session;
        var hadSubscriptions = session.HasSubscriptions;
        await notices.ObserveAsync(execution.CancellationToken).ConfigureAwait(false);
        var current = await watch.CurrentAsync(execution.CancellationToken).ConfigureAwait(false);
        var stamped = session.Generation;
        if (current is null || string.Equals(stamped, current, StringComparison.Ordinal))
        {
            return new RecoveryCheck(current, hadSubscriptions);
        }

        if (!hadSubscriptions)
        {
            if (stamped is null)
            {
                return new RecoveryCheck(current, false);
            }

            // Nothing of it is in the store; it only leaves the old notice group.
            await LeaveAsync(execution, stamped).ConfigureAwait(false);
            session.Generation = null;
            execution.StateChanged = true;
            return new RecoveryCheck(current, false);
        }

        if (stamped is not null && !watch.IsSuperseded(stamped))
        {
            // The stamp may name a generation newer than this instance's cached one: ask the store before writing anything.
            current = await watch.ReadAsync(execution.CancellationToken).ConfigureAwait(false);
            if (current is null || string.Equals(stamped, current, StringComparison.Ordinal))
            {
                return new RecoveryCheck(current, hadSubscriptions);
            }

            watch.Supersede(stamped);
        }

        return await RestoreAsync(execution, stamped, current).ConfigureAwait(false) ? new RecoveryCheck(current, true) : new RecoveryCheck(null, true);
    }

    /// <summary>Stamps a connection that got its first subscription in this message and adds it to the notice group.</summary>
    public async ValueTask AfterFramesAsync(MessageExecution execution, RecoveryCheck check)
    {
        var session = execution.Session;
        if (check.HadSubscriptions || !session.HasSubscriptions || execution.Closing || (session.Generation ?? check.Generation) is not { } generation)
        {
            // Unknown generation (the store could not be read): the next frame writes the rows again, which is idempotent.
            return;
        }

        session.Generation = generation;
        execution.StateChanged = true;
        try
        {
            await gateway.AddToGroupAsync(execution.ConnectionId, LostSubscriptionNotices.GroupOf(generation), execution.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only the notice would miss it; its routes are written and its frames restore them.
            RecoveryLog.GroupUpdateFailed(logger, execution.ConnectionId, e.Message);
        }
    }

    private async ValueTask<bool> RestoreAsync(MessageExecution execution, string? stamped, string current)
    {
        var session = execution.Session;
        try
        {
            foreach (var subscription in session.Subscriptions)
            {
                await RestoreAsync(execution, subscription).ConfigureAwait(false);
            }

            await gateway.AddToGroupAsync(execution.ConnectionId, LostSubscriptionNotices.GroupOf(current), execution.CancellationToken).ConfigureAwait(false);
            await LeaveAsync(execution, stamped).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            RecoveryLog.RestoreFailed(logger, execution.ConnectionId, e.Message);
            var reason = e is StompStoreUnavailableException ? e.Message : "the connection's groups could not be updated.";
            execution.Fail(default, EngineError.SubscriptionsNotRestored, reason);
            return false;
        }

        session.Generation = current;
        execution.StateChanged = true;
        RecoveryLog.Restored(logger, execution.ConnectionId, session.Subscriptions.Count);
        return true;
    }

    /// <summary>A route and member row (idempotent upserts), or a queue consumer unless the queue still has it.</summary>
    private async ValueTask RestoreAsync(MessageExecution execution, SubscriptionEntry subscription)
    {
        var connectionId = execution.ConnectionId;
        var cancellationToken = execution.CancellationToken;
        if (destinations.Classify(subscription.Destination) == DestinationKind.Queue)
        {
            // Adding a consumer that exists would hand its unsettled messages back: only a missing one is added.
            var snapshot = await queues.Store.ReadAsync(subscription.Destination, time.GetUtcNow().ToUnixTimeMilliseconds(), 1, null, cancellationToken).ConfigureAwait(false);
            if (!snapshot.Consumers.Any(c => c.ConnectionId == connectionId && c.SubscriptionId == subscription.Id))
            {
                var consumer = new QueueConsumer(subscription.Destination, connectionId, subscription.Id, subscription.AckMode, subscription.Prefetch, []);
                await queues.SubscribeAsync(consumer, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var route = subscription.Route(execution.Session.Version);
        await store.AddSubscriptionAsync(route, new StompMember(route.Destination, route.Group, connectionId, execution.Session.User), cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask LeaveAsync(MessageExecution execution, string? generation)
    {
        if (generation is null)
        {
            return;
        }

        try
        {
            await gateway.RemoveFromGroupAsync(execution.ConnectionId, LostSubscriptionNotices.GroupOf(generation), execution.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Left in the old group, the connection would get the notice although its routes are back: it reconnects.
            RecoveryLog.GroupUpdateFailed(logger, execution.ConnectionId, e.Message);
        }
    }
}
