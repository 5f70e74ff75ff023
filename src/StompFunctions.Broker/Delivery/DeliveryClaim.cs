using Microsoft.Extensions.Logging;
using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Delivery;

/// <summary>
/// One upstream event's right to deliver, so that each event fans out once per connection. The service retries an
/// event whose answer it did not get (timeout, 5xx) with the connection state it still holds: the state of before
/// the first attempt. The first delivery of an event therefore claims it in the store (one conditional write against
/// the marker version the state recorded) and records the new version in the state; a retry's claim finds a newer
/// version, delivers nothing, and answers as the first attempt did (its receipts come from replaying the same frames
/// on the same old state). Events that reach no subscriber claim nothing.
/// </summary>
internal sealed class DeliveryClaim(IStompStateStore store, MessageExecution execution, ILogger logger)
{
    private bool? _granted;

    /// <summary>True when this event may deliver; only the first call costs a store write.</summary>
    public async ValueTask<bool> MayDeliverAsync()
    {
        if (_granted is { } granted)
        {
            return granted;
        }

        var session = execution.Session;
        var claim = await store.ClaimEventAsync(execution.ConnectionId, session.EventVersion, execution.CancellationToken).ConfigureAwait(false);
        session.EventVersion = claim.Version;
        execution.StateChanged = true;
        _granted = claim.Claimed;
        if (!claim.Claimed)
        {
            DeliveryLog.RetriedEventNotDelivered(logger, execution.ConnectionId);
        }

        return claim.Claimed;
    }
}
