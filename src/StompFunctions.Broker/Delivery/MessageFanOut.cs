using StompFunctions.Broker.Buffers;
using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Frames;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Queues;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Delivery;

/// <summary>
/// The one fan-out of the engine, behind a client SEND (direct or at COMMIT), <see cref="StompSendContext.ForwardAsync"/>,
/// handler publishes and <see cref="IStompPublisher"/>: read the destination's routes once, write the MESSAGE
/// once per route, send it to the route's group. The message id is drawn only when someone listens.
/// A queue destination takes the queue route instead: the message goes to the <see cref="QueueBroker"/>, which keeps
/// it until one consumer takes it, and never to a topic group (nor a topic message to a queue consumer).
/// </summary>
internal sealed class MessageFanOut(IRouteSource routes, IConnectionGateway gateway, MessageStamp stamp, DestinationClassifier destinations, QueueBroker queues)
{
    private readonly RoutedDestinations _routed = new();

    /// <summary>
    /// Delivers a SEND frame (its user headers pass through); returns the number of routes (1 for a queue: stored).
    /// A queue message of a client SEND sorts after the <paramref name="publisher"/>'s previous one. The publisher's
    /// <see cref="MessageExecution.Claim"/> makes a retried event report the same count but deliver nothing.
    /// </summary>
    public ValueTask<int> PublishAsync(string destination, in StompFrame frame, CancellationToken cancellationToken, MessageExecution? publisher = null) =>
        destinations.Classify(destination) == DestinationKind.Queue
            ? EnqueueAsync(destination, QueueHeaders.From(frame.Headers), frame.Body, publisher, publisher?.Claim, cancellationToken)
            : DeliverAsync(destination, new OutboundMessage(Shown(destination), "", frame.Body, frame, null), publisher?.Claim, cancellationToken);

    /// <summary>
    /// Delivers a published body with the given user headers; returns the number of routes (1 for a queue: stored).
    /// A handler's publish passes its event's <paramref name="claim"/> (see above).
    /// </summary>
    public ValueTask<int> PublishAsync(string destination, IReadOnlyList<KeyValuePair<string, string>>? headers, ReadOnlyMemory<byte> body, CancellationToken cancellationToken, DeliveryClaim? claim = null) =>
        destinations.Classify(destination) == DestinationKind.Queue
            ? EnqueueAsync(destination, QueueHeaders.From(headers), body, null, claim, cancellationToken)
            : DeliverAsync(destination, new OutboundMessage(Shown(destination), "", body, headers, null), claim, cancellationToken);

    private async ValueTask<int> EnqueueAsync(string queue, IReadOnlyList<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body, MessageExecution? publisher, DeliveryClaim? claim, CancellationToken cancellationToken)
    {
        // A queue keeps every message it is given, so a retried event must not give it twice: the enqueue carries its
        // event's key, which the queue commits with the message (no claim write of its own). An event's enqueues, a
        // handler's too, move its connection's last queue sequence up, which keeps its order and makes the next key.
        var execution = publisher ?? claim?.Execution;
        var key = claim?.NextQueueKey();
        var sequence = await queues.SendAsync(queue, headers, body, execution?.Session.LastQueueSequence, key, cancellationToken).ConfigureAwait(false);
        if (execution is not null)
        {
            if (string.CompareOrdinal(sequence, execution.Session.LastQueueSequence) > 0)
            {
                execution.Session.LastQueueSequence = sequence;
            }

            execution.StateChanged = true;
        }

        return 1;
    }

    // A user destination's subscribers see it as they subscribed it (/user/queue/a), not as it was addressed (/user/alice/queue/a).
    private static string Shown(string destination) => UserDestinations.TryShown(destination, out var shown) ? shown : destination;

    private async ValueTask<int> DeliverAsync(string key, OutboundMessage draft, DeliveryClaim? claim, CancellationToken cancellationToken)
    {
        // Only a delivery that reaches someone needs its event claimed (the claim is what makes a retry deliver nothing).
        // Where listeners are likely, the claim runs beside the routes read instead of after it: one round trip, not two.
        var early = claim is not null && _routed.LikelyRouted(key);
        if (early)
        {
            claim!.Begin();
        }

        IReadOnlyList<StompRoute> found;
        try
        {
            found = await routes.GetRoutesAsync(key, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (early)
            {
                claim!.Abandon();
            }

            throw;
        }

        _routed.Record(key, found.Count > 0);

        // A claim begun beside the read is awaited even when nobody listens: its outcome is the event's new state.
        if (claim is not null && (found.Count > 0 || early) && !await claim.MayDeliverAsync().ConfigureAwait(false))
        {
            return found.Count;
        }

        if (found.Count == 0)
        {
            return 0;
        }

        var message = draft.WithIdentity(stamp.NewId(), stamp.Timestamp());
        var kind = message.IsBinary ? PayloadKind.Binary : PayloadKind.Text;
        if (found.Count == 1)
        {
            using var buffer = Write(message, found[0]);
            await gateway.SendToGroupAsync(found[0].Group, buffer.WrittenMemory, kind, cancellationToken).ConfigureAwait(false);
            return 1;
        }

        await SendConcurrentlyAsync(found, message, kind, cancellationToken).ConfigureAwait(false);
        return found.Count;
    }

    /// <summary>
    /// Routes are independent: each gets its own frame and REST call, all in flight together, so a frame's latency is
    /// one round trip rather than one per route (issue 5). Each send reads its own pooled buffer.
    /// </summary>
    private async ValueTask SendConcurrentlyAsync(IReadOnlyList<StompRoute> found, OutboundMessage message, PayloadKind kind, CancellationToken cancellationToken)
    {
        var buffers = new PooledBufferWriter?[found.Count];
        var sends = new List<Task>(found.Count);
        try
        {
            for (var i = 0; i < found.Count; i++)
            {
                var buffer = buffers[i] = Write(message, found[i]);
                sends.Add(gateway.SendToGroupAsync(found[i].Group, buffer.WrittenMemory, kind, cancellationToken).AsTask());
            }

            await Task.WhenAll(sends).ConfigureAwait(false);
        }
        finally
        {
            // A send still in flight reads its buffer: buffers go back to the pool only when every started send has ended.
            if (!sends.TrueForAll(static send => send.IsCompleted))
            {
                await Task.WhenAll(sends).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            }

            foreach (var buffer in buffers)
            {
                buffer?.Dispose();
            }
        }
    }

    private static PooledBufferWriter Write(in OutboundMessage message, StompRoute route)
    {
        var buffer = new PooledBufferWriter(message.Body.Length + 256);
        ServerFrames.WriteMessage(buffer, route.Version, message, route.SubscriptionId, route.AckMode);
        return buffer;
    }
}
