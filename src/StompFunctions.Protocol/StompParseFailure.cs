namespace StompFunctions.Protocol;

/// <summary>
/// A rejected frame: the reason, and a short human message fit for the <c>message</c> header of the ERROR
/// frame the broker answers with. The message never quotes the peer's bytes.
/// </summary>
public readonly struct StompParseFailure
{
    private readonly string? _message;

    /// <summary>Creates a failure with a message of the caller's choosing.</summary>
    public StompParseFailure(StompParseError error, string message)
        : this(error, message, null)
    {
    }

    /// <summary>Creates a failure that concerns one header (missing or with a value the protocol does not allow).</summary>
    public StompParseFailure(StompParseError error, string message, string? header)
    {
        Error = error;
        _message = message;
        Header = header;
    }

    /// <summary>The reason.</summary>
    public StompParseError Error { get; }

    /// <summary>A one-line description, safe to send to the peer; empty when there is no failure.</summary>
    public string Message => _message ?? "";

    /// <summary>
    /// The header the failure concerns, for <see cref="StompParseError.MissingRequiredHeader"/> and
    /// <see cref="StompParseError.InvalidHeaderValue"/> from <see cref="StompFrameValidator"/>; otherwise null.
    /// </summary>
    public string? Header { get; }

    /// <summary>True when this value describes a failure.</summary>
    public bool IsFailure => Error != StompParseError.None;

    /// <summary>The standard failure for a reason, with the configured limit in the message where one applies.</summary>
    public static StompParseFailure For(StompParseError error, StompParseOptions? options = null)
    {
        options ??= StompParseOptions.Default;
        var message = error switch
        {
            StompParseError.UnknownCommand => "unknown command: a client sends CONNECT, STOMP, SEND, SUBSCRIBE, UNSUBSCRIBE, ACK, NACK, BEGIN, COMMIT, ABORT or DISCONNECT, in upper case",
            StompParseError.MalformedHeader => "malformed header line: no colon",
            StompParseError.EmptyHeaderName => "malformed header line: empty header name",
            StompParseError.InvalidEscape => "undefined escape sequence in a header",
            StompParseError.BareCarriageReturn => "carriage return not followed by line feed",
            StompParseError.InvalidUtf8 => "command or header is not valid UTF-8",
            StompParseError.InvalidContentLength => "content-length is not a non-negative integer",
            StompParseError.MissingNulAfterBody => "frame body not terminated by NUL after content-length octets",
            StompParseError.BodyNotAllowed => "this command must not have a body",
            StompParseError.FrameTooLarge => $"frame exceeds the limit of {options.MaxFrameBytes} bytes",
            StompParseError.TooManyHeaders => $"frame exceeds the limit of {options.MaxHeaderCount} headers",
            StompParseError.HeaderLineTooLong => $"header line exceeds the limit of {options.MaxHeaderLineBytes} bytes",
            StompParseError.BodyTooLarge => $"frame body exceeds the limit of {options.MaxBodyBytes} bytes",
            StompParseError.MissingRequiredHeader => "a required header is missing",
            StompParseError.InvalidHeaderValue => "a header has an invalid value",
            StompParseError.CommandNotInVersion => "command not supported in the negotiated STOMP version",
            StompParseError.NulInHeader => "a header contains a NUL octet",
            _ => "",
        };
        return new StompParseFailure(error, message);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Error}: {Message}";
}
