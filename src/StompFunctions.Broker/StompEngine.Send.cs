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
        using var buffer = new PooledBufferWriter(message.Body.Length + 256);
        foreach (var route in routes)
        {
            buffer.Reset();
            ServerFrames.WriteMessage(buffer, StompVersion.V1_2, message, route.SubscriptionId, route.AckMode);
            await _gateway.SendToGroupAsync(route.Group, buffer.WrittenMemory, kind, cancellationToken).ConfigureAwait(false);
        }

        return routes.Count;
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
