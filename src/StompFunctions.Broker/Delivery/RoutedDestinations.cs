using System.Collections.Concurrent;

namespace StompFunctions.Broker.Delivery;

/// <summary>
/// Which destinations had routes at their last SEND on this instance: a hint, never an answer. A SEND still reads its
/// routes every time (a fresh subscription is never hidden); the hint only decides whether the event's claim starts
/// beside that read (the destination is likely to have listeners, so the claim will be needed) or after it (it is
/// likely not, and a SEND that reaches nobody claims nothing). A wrong hint costs one claim write or one round trip,
/// never a delivery. Bounded: past <see cref="Capacity"/> names it starts over.
/// </summary>
internal sealed class RoutedDestinations
{
    /// <summary>At most this many destinations are remembered.</summary>
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, byte> _routed = new(StringComparer.Ordinal);

    public bool LikelyRouted(string destination) => _routed.ContainsKey(destination);

    /// <summary>Notes what a SEND's read found.</summary>
    public void Record(string destination, bool routed)
    {
        if (!routed)
        {
            _routed.TryRemove(destination, out _);
            return;
        }

        if (_routed.Count >= Capacity && !_routed.ContainsKey(destination))
        {
            _routed.Clear();
        }

        _routed.TryAdd(destination, 0);
    }
}
