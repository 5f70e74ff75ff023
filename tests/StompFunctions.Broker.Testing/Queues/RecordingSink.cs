using System.Collections.Concurrent;
using StompFunctions.Broker.Queues;

namespace StompFunctions.Broker.Testing.Queues;

/// <summary>
/// Records every delivery the broker sends; connections listed in <see cref="Unreachable"/> make the send fail, and
/// <see cref="Fault"/> can fail any one send (or, with an exception of a cancelled token, end the sending instance).
/// </summary>
public sealed class RecordingSink : IQueueDeliverySink
{
    private readonly ConcurrentQueue<QueueDelivery> _deliveries = new();

    public ConcurrentDictionary<string, bool> Unreachable { get; } = new(StringComparer.Ordinal);

    /// <summary>Picks an exception to throw instead of sending a delivery; null sends it.</summary>
    public Func<QueueDelivery, Exception?> Fault { get; set; } = static _ => null;

    public IReadOnlyList<QueueDelivery> Deliveries => [.. _deliveries];

    public IReadOnlyList<QueueDelivery> To(string connectionId) => [.. _deliveries.Where(d => d.Consumer.ConnectionId == connectionId)];

    public ValueTask DeliverAsync(QueueDelivery delivery, CancellationToken cancellationToken)
    {
        if (Unreachable.ContainsKey(delivery.Consumer.ConnectionId))
        {
            throw new IOException("The test made this connection unreachable.");
        }

        if (Fault(delivery) is { } fault)
        {
            throw fault;
        }

        _deliveries.Enqueue(delivery);
        return ValueTask.CompletedTask;
    }
}
