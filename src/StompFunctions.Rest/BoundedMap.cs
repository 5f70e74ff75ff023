using System.Collections.Concurrent;

namespace StompFunctions.Rest;

/// <summary>
/// Values made from a name by a pure function, kept so that the per-message path does not make them again (a Table
/// filter, a request URL). Never a value a service answered. Bounded: past <see cref="Capacity"/> names it starts
/// over, and a name longer than <see cref="MaxNameLength"/> is made each time, not kept (a destination may be 32 K
/// characters long, a group name 1,024).
/// </summary>
/// <param name="make">Makes the value of a name.</param>
/// <param name="maxNameLength">Longer names are not kept.</param>
internal sealed class BoundedMap<TValue>(Func<string, TValue> make, int maxNameLength = BoundedMap<TValue>.DefaultMaxNameLength)
{
    /// <summary>At most this many names are kept.</summary>
    public const int Capacity = 4096;

    /// <summary>The longest name kept unless the map is given another bound.</summary>
    public const int DefaultMaxNameLength = 512;

    /// <summary>Longer names are not kept.</summary>
    public int MaxNameLength => maxNameLength;

    private readonly ConcurrentDictionary<string, TValue> _values = new(StringComparer.Ordinal);

    public int Count => _values.Count;

    public TValue Get(string name)
    {
        if (name.Length > maxNameLength)
        {
            return make(name);
        }

        if (_values.TryGetValue(name, out var value))
        {
            return value;
        }

        if (_values.Count >= Capacity)
        {
            _values.Clear();
        }

        value = make(name);
        _values.TryAdd(name, value);
        return value;
    }
}
