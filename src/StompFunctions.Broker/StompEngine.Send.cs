using System.Buffers;
using StompFunctions.Broker.Buffers;
using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Frames;
using StompFunctions.Broker.Ports;
using StompFunctions.Protocol;

namespace StompFunctions.Broker;

public sealed partial class StompEngine
{
    private static readonly IReadOnlyDictionary<string, string> NoRouteValues = new Dictionary<string, string>();

    private ValueTask HandleSendAsync(MessageExecution execution, StompFrame frame, ReadOnlyMemory<byte> raw)
    {
        if (frame.Headers.TryGetValue("transaction"u8, out var transaction))
        {
            Hold(execution, frame, transaction, raw);
            return ValueTask.CompletedTask;
        }

        return PerformSendAsync(execution, frame);
    }

    /// <summary>A SEND taking effect (directly, or at COMMIT): authorization hooks, then its handler or the broker's fan-out.</summary>
    private async ValueTask PerformSendAsync(MessageExecution execution, StompFrame frame)
    {
        if (!frame.Headers.TryGetValue("destination"u8, out var destination))
        {
            Fail(execution, frame, "missing destination", "SEND requires a destination header.");
            return;
        }

        var handlers = Handlers;
        foreach (var authorize in handlers.SendAuthorizers)
        {
            var hookContext = new StompSendContext(this, execution, frame, destination, NoRouteValues);
            await authorize(hookContext).ConfigureAwait(false);
            if (hookContext.IsRejected)
            {
                Fail(execution, frame, hookContext.RejectionMessage!, hookContext.RejectionDetails);
                return;
            }
        }

        if (!handlers.Send.IsEmpty && handlers.Send.TryMatch(destination, out var handler, out var values))
        {
            var context = new StompSendContext(this, execution, frame, destination, values);
            await handler(context).ConfigureAwait(false);
            if (context.IsRejected)
            {
                Fail(execution, frame, context.RejectionMessage!, context.RejectionDetails);
            }

            return;
        }

        if (!IsBrokerDestination(destination))
        {
            Fail(execution, frame, "unknown destination", $"No handler is registered for '{destination}' and it has no broker prefix ({string.Join(", ", _options.BrokerPrefixes)}).");
            return;
        }

        await FanOutAsync(destination, frame, execution.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>Delivers a SEND frame to every route of its destination; returns the number of routes.</summary>
    internal ValueTask<int> FanOutAsync(string destination, StompFrame frame, CancellationToken cancellationToken) =>
        FanOutAsync(destination, new OutboundMessage(destination, "", frame.Body, frame, null), cancellationToken);

    /// <summary>Delivers a published message to every route of its destination; returns the number of routes.</summary>
    internal ValueTask<int> FanOutAsync(string destination, IReadOnlyList<KeyValuePair<string, string>>? headers, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        FanOutAsync(destination, new OutboundMessage(destination, "", body, headers, null), cancellationToken);

    /// <summary>
    /// Reads the destination's routes once and sends one MESSAGE per route to its group. The message id is drawn
    /// only when someone listens; one pooled buffer serves every route.
    /// </summary>
    private async ValueTask<int> FanOutAsync(string destination, OutboundMessage draft, CancellationToken cancellationToken)
    {
        var routes = await _store.GetRoutesAsync(destination, cancellationToken).ConfigureAwait(false);
        if (routes.Count == 0)
        {
            return 0;
        }

        var message = draft.WithIdentity(NewId(), Timestamp());
        var kind = message.IsBinary ? PayloadKind.Binary : PayloadKind.Text;
        if (routes.Count == 1)
        {
            using var buffer = new PooledBufferWriter(message.Body.Length + 256);
            ServerFrames.WriteMessage(buffer, StompVersion.V1_2, message, routes[0].SubscriptionId, routes[0].AckMode);
            await _gateway.SendToGroupAsync(routes[0].Group, buffer.WrittenMemory, kind, cancellationToken).ConfigureAwait(false);
            return 1;
        }

        await SendToRoutesConcurrentlyAsync(routes, message, kind, cancellationToken).ConfigureAwait(false);
        return routes.Count;
    }

    /// <summary>
    /// Routes are independent: each gets its own frame and REST call, all in flight together, so a frame's latency is
    /// one round trip rather than one per route (issue 5). Each send reads its own pooled buffer.
    /// </summary>
    private async ValueTask SendToRoutesConcurrentlyAsync(IReadOnlyList<StompRoute> routes, OutboundMessage message, PayloadKind kind, CancellationToken cancellationToken)
    {
        var buffers = new PooledBufferWriter?[routes.Count];
        var sends = new List<Task>(routes.Count);
        try
        {
            for (var i = 0; i < routes.Count; i++)
            {
                var buffer = buffers[i] = new PooledBufferWriter(message.Body.Length + 256);
                ServerFrames.WriteMessage(buffer, StompVersion.V1_2, message, routes[i].SubscriptionId, routes[i].AckMode);
                sends.Add(_gateway.SendToGroupAsync(routes[i].Group, buffer.WrittenMemory, kind, cancellationToken).AsTask());
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

    /// <summary>Writes a MESSAGE into the reply for each of the sender's own subscriptions to the destination.</summary>
    internal int SendToSender(MessageExecution execution, string destination, ReadOnlyMemory<byte> body, IEnumerable<KeyValuePair<string, string>>? headers)
    {
        ArgumentException.ThrowIfNullOrEmpty(destination);
        var list = headers as IReadOnlyList<KeyValuePair<string, string>> ?? headers?.ToArray();
        var count = 0;
        OutboundMessage? message = null;
        foreach (var subscription in execution.Session.Subscriptions)
        {
            if (!string.Equals(subscription.Destination, destination, StringComparison.Ordinal))
            {
                continue;
            }

            message ??= new OutboundMessage(destination, NewId(), body, list, Timestamp());
            ServerFrames.WriteMessage(execution.Reply, execution.Version, message.Value, subscription.Id, subscription.AckMode);
            execution.NoteReplyBody(body.Span);
            count++;
        }

        return count;
    }
}
