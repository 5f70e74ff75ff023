using StompFunctions.Protocol.Headers;

namespace StompFunctions.Protocol;

/// <summary>
/// One header line of a parsed frame. Name and value are slices of the frame's bytes as they were on the
/// wire (escaped when the frame's version and command call for it); they are decoded only on request.
/// </summary>
public readonly struct StompHeader
{
    private readonly HeaderEscapeMode _mode;

    internal StompHeader(ReadOnlyMemory<byte> rawName, ReadOnlyMemory<byte> rawValue, HeaderEscapeMode mode)
    {
        RawName = rawName;
        RawValue = rawValue;
        _mode = mode;
    }

    /// <summary>The name as on the wire (escaped if <see cref="IsEscaped"/>).</summary>
    public ReadOnlyMemory<byte> RawName { get; }

    /// <summary>The value as on the wire (escaped if <see cref="IsEscaped"/>), never trimmed.</summary>
    public ReadOnlyMemory<byte> RawValue { get; }

    /// <summary>True when the raw bytes use the escape rules of 1.1 or 1.2.</summary>
    public bool IsEscaped => _mode != HeaderEscapeMode.None;

    /// <summary>The decoded name (allocates a string).</summary>
    public string Name => HeaderText.Decode(RawName.Span, _mode);

    /// <summary>The decoded value (allocates a string).</summary>
    public string Value => HeaderText.Decode(RawValue.Span, _mode);

    internal HeaderEscapeMode Mode => _mode;

    /// <summary>Writes the decoded name into <paramref name="destination"/> (needs RawName.Length bytes); returns its length.</summary>
    public int DecodeName(Span<byte> destination) => HeaderEscaping.Unescape(RawName.Span, destination, _mode);

    /// <summary>Writes the decoded value into <paramref name="destination"/> (needs RawValue.Length bytes); returns its length.</summary>
    public int DecodeValue(Span<byte> destination) => HeaderEscaping.Unescape(RawValue.Span, destination, _mode);

    /// <summary>True when the decoded name equals <paramref name="name"/> (UTF-8, case sensitive).</summary>
    public bool NameEquals(ReadOnlySpan<byte> name) => HeaderEscaping.EqualsDecoded(RawName.Span, name, _mode);

    /// <summary>True when the decoded name equals <paramref name="name"/> (case sensitive).</summary>
    public bool NameEquals(string name) => HeaderText.EqualsString(RawName.Span, _mode, name);

    /// <summary>True when the decoded value equals <paramref name="value"/> (UTF-8).</summary>
    public bool ValueEquals(ReadOnlySpan<byte> value) => HeaderEscaping.EqualsDecoded(RawValue.Span, value, _mode);

    /// <inheritdoc />
    public override string ToString() => Name + ":" + Value;
}
