namespace StompFunctions.Protocol;

/// <summary>Why a frame was rejected. Every value is a peer mistake that ends the session with ERROR and a close.</summary>
public enum StompParseError : byte
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The command line is not one of the STOMP commands (names are case sensitive).</summary>
    UnknownCommand,

    /// <summary>A header line has no colon.</summary>
    MalformedHeader,

    /// <summary>A header line starts with a colon.</summary>
    EmptyHeaderName,

    /// <summary>A backslash starts an escape the negotiated version does not define (1.1: <c>\r</c> too).</summary>
    InvalidEscape,

    /// <summary>A CR that is not part of a CR LF line end (1.2).</summary>
    BareCarriageReturn,

    /// <summary>The command or a header is not valid UTF-8.</summary>
    InvalidUtf8,

    /// <summary>The <c>content-length</c> header is not a non-negative decimal integer.</summary>
    InvalidContentLength,

    /// <summary>The octet after a <c>content-length</c> body is not NUL.</summary>
    MissingNulAfterBody,

    /// <summary>A body on a command other than SEND, MESSAGE or ERROR.</summary>
    BodyNotAllowed,

    /// <summary>The frame is larger than <see cref="StompParseOptions.MaxFrameBytes"/>.</summary>
    FrameTooLarge,

    /// <summary>The frame has more headers than <see cref="StompParseOptions.MaxHeaderCount"/>.</summary>
    TooManyHeaders,

    /// <summary>A header line is longer than <see cref="StompParseOptions.MaxHeaderLineBytes"/>.</summary>
    HeaderLineTooLong,

    /// <summary>The body is larger than <see cref="StompParseOptions.MaxBodyBytes"/>.</summary>
    BodyTooLarge,

    /// <summary>A header the command requires in the session's version is missing.</summary>
    MissingRequiredHeader,

    /// <summary>A header has a value the protocol does not allow (for example <c>ack:bogus</c> or a bad <c>heart-beat</c>).</summary>
    InvalidHeaderValue,

    /// <summary>The command does not exist in the session's version (for example NACK in 1.0).</summary>
    CommandNotInVersion,

    /// <summary>
    /// A header name or value holds a NUL octet. The grammar allows it, but no version can escape it, a NUL ends the
    /// frame for many peers, and echoing it (in <c>receipt-id</c>, say) would hand them a truncated frame.
    /// </summary>
    NulInHeader,
}
