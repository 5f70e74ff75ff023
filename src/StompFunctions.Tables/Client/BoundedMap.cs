using System.Collections.Concurrent;

namespace StompFunctions.Tables.Client;

/// <summary>
/// Values made from a name by a pure function, kept so that the SEND path does not make them again (a filter, a URL).
/// Never a value the store answered. Bounded: past <see cref="Capacity"/> names it starts over, and a name longer than
/// <see cref="MaxNameLength"/> is made each time, not kept (a destination may be 32 K characters long).
/// </summary>
internal sealed class BoundedMap<TValue>(Func<string, TValue> make)
{
    /// <summary>At most this many names are kept.</summary>
    public const int Capacity = 4096;

    /// <summary>Longer names are not kept.</summary>
    public const int MaxNameLength = 512;

    private readonly ConcurrentDictionary<string, TValue> _values = new(StringComparer.Ordinal);

    public int Count => _values.Count;

    public TValue Get(string name)
    {
        if (name.Length > MaxNameLength)
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
