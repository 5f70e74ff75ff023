using System.Diagnostics.CodeAnalysis;
using StompFunctions.Protocol.Framing;
using StompFunctions.Protocol.Headers;

namespace StompFunctions.Protocol;

/// <summary>
/// The headers of a parsed frame, in wire order, repeated names kept. Lookups return the first occurrence
/// ([Repeated Header Entries]). The collection is a view over the frame's bytes: it allocates nothing until
/// a name or value is asked for as a string.
/// </summary>
public readonly struct StompHeaders
{
    private readonly ReadOnlyMemory<byte> _block;
    private readonly HeaderEscapeMode _mode;
    private readonly bool _crlf;

    internal StompHeaders(ReadOnlyMemory<byte> block, int count, HeaderEscapeMode mode, bool crlf)
    {
        _block = block;
        Count = count;
        _mode = mode;
        _crlf = crlf;
    }

    /// <summary>The header lines as on the wire, each with its EOL.</summary>
    internal ReadOnlyMemory<byte> RawBlock => _block;

    internal HeaderEscapeMode Mode => _mode;

    internal StompHeaders WithBlock(ReadOnlyMemory<byte> block) => new(block, Count, _mode, _crlf);

    /// <summary>The number of header lines, repeated names included.</summary>
    public int Count { get; }

    /// <summary>The decoded value of the first header named <paramref name="name"/>, or null.</summary>
    public string? this[string name] => TryGetValue(name, out var value) ? value : null;

    /// <summary>Finds the first header whose decoded name is <paramref name="name"/> (UTF-8).</summary>
    public bool TryGetHeader(ReadOnlySpan<byte> name, out StompHeader header)
    {
        foreach (var candidate in this)
        {
            if (candidate.NameEquals(name))
            {
                header = candidate;
                return true;
            }
        }

        header = default;
        return false;
    }

    /// <summary>Finds the first header whose decoded name is <paramref name="name"/>.</summary>
    public bool TryGetHeader(string name, out StompHeader header)
    {
        foreach (var candidate in this)
        {
            if (candidate.NameEquals(name))
            {
                header = candidate;
                return true;
            }
        }

        header = default;
        return false;
    }

    /// <summary>The decoded value of the first header named <paramref name="name"/>.</summary>
    public bool TryGetValue(string name, [NotNullWhen(true)] out string? value)
    {
        if (TryGetHeader(name, out var header))
        {
            value = header.Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>The decoded value of the first header named <paramref name="name"/> (UTF-8).</summary>
    public bool TryGetValue(ReadOnlySpan<byte> name, [NotNullWhen(true)] out string? value)
    {
        if (TryGetHeader(name, out var header))
        {
            value = header.Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>True when a header named <paramref name="name"/> is present.</summary>
    public bool Contains(string name) => TryGetHeader(name, out _);

    /// <summary>True when a header named <paramref name="name"/> (UTF-8) is present.</summary>
    public bool Contains(ReadOnlySpan<byte> name) => TryGetHeader(name, out _);

    /// <summary>Enumerates the headers in wire order without allocating.</summary>
    public Enumerator GetEnumerator() => new(_block, _mode, _crlf);

    /// <summary>Copies the headers into a list of decoded name/value pairs (allocates; for tests and diagnostics).</summary>
    public List<KeyValuePair<string, string>> ToList()
    {
        var list = new List<KeyValuePair<string, string>>(Count);
        foreach (var header in this)
        {
            list.Add(new(header.Name, header.Value));
        }

        return list;
    }

    /// <summary>Walks the header block line by line; the reader has validated every line already.</summary>
    public struct Enumerator
    {
        private readonly ReadOnlyMemory<byte> _block;
        private readonly HeaderEscapeMode _mode;
        private readonly bool _crlf;
        private int _next;

        internal Enumerator(ReadOnlyMemory<byte> block, HeaderEscapeMode mode, bool crlf)
        {
            _block = block;
            _mode = mode;
            _crlf = crlf;
            _next = 0;
            Current = default;
        }

        /// <summary>The header at the current position.</summary>
        public StompHeader Current { get; private set; }

        /// <summary>Advances to the next header line.</summary>
        public bool MoveNext()
        {
            if (_next >= _block.Length)
            {
                return false;
            }

            var rest = _block.Span[_next..];
            var lf = rest.IndexOf(StompBytes.ByteLF);
            var lineLength = lf < 0 ? rest.Length : lf;
            var contentLength = lineLength;
            if (_crlf && contentLength > 0 && rest[contentLength - 1] == StompBytes.ByteCR)
            {
                contentLength--;
            }

            var colon = rest[..contentLength].IndexOf(StompBytes.ByteColon);
            var line = _block.Slice(_next, contentLength);
            Current = new StompHeader(line[..colon], line[(colon + 1)..], _mode);
            _next += lineLength + 1;
            return true;
        }
    }
}
