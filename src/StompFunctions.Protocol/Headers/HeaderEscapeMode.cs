namespace StompFunctions.Protocol.Headers;

/// <summary>Which escape table applies to a frame's header names and values ([Value Encoding]).</summary>
internal enum HeaderEscapeMode : byte
{
    /// <summary>1.0, and CONNECT/STOMP/CONNECTED in every version: bytes are taken as they are.</summary>
    None = 0,

    /// <summary>1.1: <c>\n \c \\</c>; <c>\r</c> is an undefined escape.</summary>
    V11 = 1,

    /// <summary>1.2: <c>\r \n \c \\</c>.</summary>
    V12 = 2,
}
