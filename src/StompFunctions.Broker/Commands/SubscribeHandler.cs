using StompFunctions.Broker.Delivery;
using StompFunctions.Broker.Errors;
using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Queues;
using StompFunctions.Broker.Routing;
using StompFunctions.Broker.Sessions;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Commands;

/// <summary>
/// SUBSCRIBE: per-connection checks, authorization hooks and a handler or a broker destination, then the
/// route row and the group join, both done before the RECEIPT.
/// </summary>
internal sealed class SubscribeHandler(
    StompBrokerOptions options,
    CompiledHandlers handlers,
    DestinationClassifier destinations,
    ContextServices services,
    IStompStateStore store,
    IConnectionGateway gateway,
    QueueBroker queues)
    : ICommandHandler
{
    public async ValueTask HandleAsync(CommandFrame command)
    {
        var execution = command.Execution;
        var session = command.Session;
        var headers = command.Frame.Headers;
        headers.TryGetValue("destination"u8, out var destination);
        destination ??= "";

        // 1.0 made the id optional: such a subscription is named by its destination.
        if (!headers.TryGetValue("id"u8, out var id))
        {
            id = destination;
        }

        var ackMode = AckModeOf(headers);
        if (session.FindSubscription(id) is not null)
        {
            command.Fail(EngineError.DuplicateSubscription, id);
            return;
        }

        if (session.Subscriptions.Count >= options.MaxSubscriptionsPerConnection)
        {
            command.Fail(EngineError.TooManySubscriptions, options.MaxSubscriptionsPerConnection);
            return;
        }

        if (TopicWildcards.IsPattern(destination) && !TopicWildcards.IsWellFormed(destination))
        {
            command.Fail(EngineError.InvalidTopicPattern, destination);
            return;
        }

        // A user destination is kept under the session user's own key: /user/queue/a of alice is /user/alice/queue/a.
        var key = destination;
        if (UserDestinations.IsUser(destination) && !TryUserKey(command, destination, out key))
        {
            return;
        }

        if (!await AuthorizeAndRouteAsync(command, destination, id, ackMode).ConfigureAwait(false))
        {
            return;
        }

        var entry = new SubscriptionEntry(id, key, ackMode);
        if (destinations.Classify(destination) == DestinationKind.Queue)
        {
            await SubscribeQueueAsync(command, entry).ConfigureAwait(false);
            return;
        }

        // The route row first, so a SEND finds the group; the group join before the RECEIPT, so a message
        // published after the RECEIPT reaches this subscriber. A topic pattern's rows go to the wildcard index.
        var route = entry.Route(session.Version);
        var group = route.Group;
        await store.AddSubscriptionAsync(
            route,
            new StompMember(route.Destination, group, execution.ConnectionId, session.User),
            execution.CancellationToken).ConfigureAwait(false);
        await gateway.AddToGroupAsync(execution.ConnectionId, group, execution.CancellationToken).ConfigureAwait(false);
        session.Subscriptions.Add(entry);
        execution.StateChanged = true;
    }

    /// <summary>
    /// A queue consumer instead of a route: no group (queue messages go to one connection each), and waiting messages
    /// are handed over at once. <c>prefetch-count</c> (RabbitMQ's header) caps its unsettled messages in the client modes.
    /// </summary>
    private async ValueTask SubscribeQueueAsync(CommandFrame command, SubscriptionEntry entry)
    {
        var prefetch = 0;
        if (command.Frame.Headers.TryGetValue("prefetch-count"u8, out var value)
            && (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out prefetch) || prefetch < 1))
        {
            command.Fail(EngineError.InvalidPrefetchCount, queues.Options.MaxPrefetch);
            return;
        }

        var execution = command.Execution;
        entry = entry with { Prefetch = prefetch };
        await queues.SubscribeAsync(new QueueConsumer(entry.Destination, execution.ConnectionId, entry.Id, entry.AckMode, prefetch, []), execution.CancellationToken).ConfigureAwait(false);
        command.Session.Subscriptions.Add(entry);
        execution.StateChanged = true;
    }

    private async ValueTask<bool> AuthorizeAndRouteAsync(CommandFrame command, string destination, string id, StompAckMode ackMode)
    {
        var execution = command.Execution;
        foreach (var authorize in handlers.SubscribeAuthorizers)
        {
            var hookContext = new StompSubscribeContext(services, execution, command.Frame, destination, id, ackMode, RouteValues.None);
            await authorize(hookContext).ConfigureAwait(false);
            if (hookContext.IsRejected)
            {
                command.Fail(EngineFailure.Rejected(hookContext.RejectionMessage!, hookContext.RejectionDetails));
                return false;
            }
        }

        if (!handlers.Subscribe.IsEmpty && handlers.Subscribe.TryMatch(destination, out var handler, out var values))
        {
            var context = new StompSubscribeContext(services, execution, command.Frame, destination, id, ackMode, values);
            await handler(context).ConfigureAwait(false);
            if (context.IsRejected)
            {
                command.Fail(EngineFailure.Rejected(context.RejectionMessage!, context.RejectionDetails));
                return false;
            }

            return true;
        }

        if (destinations.Classify(destination) == DestinationKind.Unrouted)
        {
            command.Fail(EngineError.UnknownDestination, destination, destinations.DescribePrefixes());
            return false;
        }

        return true;
    }

    private static bool TryUserKey(CommandFrame command, string destination, out string key)
    {
        key = "";
        if (command.Session.User is not { Length: > 0 } user)
        {
            command.Fail(EngineError.UserDestinationWithoutUser, destination);
            return false;
        }

        if (!UserDestinations.TryResolve(destination, user, out key))
        {
            command.Fail(EngineError.InvalidUserDestination, destination);
            return false;
        }

        return true;
    }

    // The validator accepted the value for the session's version; compared on the bytes, so no string is made.
    private static StompAckMode AckModeOf(in StompHeaders headers)
    {
        if (!headers.TryGetHeader("ack"u8, out var ack))
        {
            return StompAckMode.Auto;
        }

        return ack.ValueEquals("client"u8) ? StompAckMode.Client
            : ack.ValueEquals("client-individual"u8) ? StompAckMode.ClientIndividual
            : StompAckMode.Auto;
    }
}
