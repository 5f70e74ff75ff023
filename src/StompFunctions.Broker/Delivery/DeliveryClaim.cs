using Microsoft.Extensions.Logging;
using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Queues;

namespace StompFunctions.Broker.Delivery;

/// <summary>
/// One upstream event's right to deliver, so that each event fans out once per connection. The service retries an
/// event whose answer it did not get (timeout, 5xx) with the connection state it still holds: the state of before
/// the first attempt. The first delivery of an event therefore claims it in the store (one conditional write against
/// the marker version the state recorded) and records the new version in the state; a retry's claim finds a newer
/// version, delivers nothing, and answers as the first attempt did (its receipts come from replaying the same frames
/// on the same old state). Events that reach no subscriber claim nothing (but one: a SEND to a destination whose routes the
/// collector removed since its last SEND on this instance, whose claim <see cref="RoutedDestinations"/> started beside the read).
/// Queue enqueues claim nothing here: each names itself with a <see cref="QueueEventKey"/>, which the queue's own
/// transaction records next to the message (<see cref="QueueEventMark"/>), so a retry's enqueue finds itself done.
/// </summary>
internal sealed class DeliveryClaim(IStompStateStore store, MessageExecution execution, ILogger logger)
{
    private Task<bool>? _decision;
    private string? _queueEvent;
    private int _enqueues;

    /// <summary>The event this claim belongs to.</summary>
    public MessageExecution Execution => execution;

    /// <summary>
    /// The key of the event's next enqueue: the connection's last queue sequence as the event began (every attempt
    /// replays the frames on the same state, so it gets the same keys in the same order) and the enqueue's place.
    /// </summary>
    public QueueEventKey NextQueueKey()
    {
        _queueEvent ??= execution.Session.LastQueueSequence ?? "";
        return new QueueEventKey(execution.ConnectionId, _queueEvent, _enqueues++);
    }

    /// <summary>True when this event may deliver; only the first call (or <see cref="Begin"/>) costs a store write.</summary>
    public ValueTask<bool> MayDeliverAsync() => new(_decision ??= DecideAsync());

    /// <summary>
    /// Starts the claim without waiting for it, so that it runs beside the routes read of a SEND that will probably
    /// need it; <see cref="MayDeliverAsync"/> then waits for the same claim.
    /// </summary>
    public void Begin() => _decision ??= DecideAsync();

    /// <summary>Lets a begun claim finish unobserved (the SEND failed before asking for it); its failure is dropped.</summary>
    public void Abandon() =>
        _decision?.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private async Task<bool> DecideAsync()
    {
        var session = execution.Session;
        var claim = await store.ClaimEventAsync(execution.ConnectionId, session.EventVersion, execution.CancellationToken).ConfigureAwait(false);
        if (!claim.Claimed && claim.Version is null && session.EventVersion is not null)
        {
            // No marker at all: a retry finds the newer marker its first attempt wrote, so this is a store that lost its
            // rows (docs/table-design.md, "Store generation"). The event was not applied: it claims a new marker. (Only a
            // retry arriving after the connection's disconnected cleanup deleted its marker would be delivered twice.)
            claim = await store.ClaimEventAsync(execution.ConnectionId, null, execution.CancellationToken).ConfigureAwait(false);
        }

        session.EventVersion = claim.Version;
        execution.StateChanged = true;
        if (!claim.Claimed)
        {
            DeliveryLog.RetriedEventNotDelivered(logger, execution.ConnectionId);
        }

        return claim.Claimed;
    }
}
