using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace StompFunctions.Benchmarks.Upstream;

/// <summary>
/// The runtime's allocation samples (<c>GCAllocationTick</c>: one event about every 100 KB allocated, naming the type
/// that crossed the mark) summed by type while it listens. A type's share of the samples is its share of the bytes,
/// so over thousands of operations the sums divided by the operations estimate each type's bytes per operation.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private const int AllocationTickEventId = 10;

    private readonly ConcurrentDictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private volatile bool _recording;

    /// <summary>Starts summing (the listener is enabled from construction; samples before this are dropped).</summary>
    public void Start()
    {
        _bytesByType.Clear();
        _recording = true;
    }

    /// <summary>Stops summing and returns the types with the most sampled bytes first.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Stop()
    {
        _recording = false;
        return [.. _bytesByType.OrderByDescending(static pair => pair.Value)];
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeSource)
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventId != AllocationTickEventId || eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
        {
            return;
        }

        var type = names.IndexOf("TypeName") is var t and >= 0 ? payload[t] as string : null;
        var amount = names.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(payload[a], CultureInfo.InvariantCulture) : 0;
        if (type is not null && amount > 0)
        {
            _bytesByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
        }
    }
}
