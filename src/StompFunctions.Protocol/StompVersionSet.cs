namespace StompFunctions.Protocol;

/// <summary>A set of STOMP versions, for what a server supports.</summary>
[Flags]
public enum StompVersionSet : byte
{
    /// <summary>No version.</summary>
    None = 0,

    /// <summary>STOMP 1.0.</summary>
    V1_0 = 1,

    /// <summary>STOMP 1.1.</summary>
    V1_1 = 2,

    /// <summary>STOMP 1.2.</summary>
    V1_2 = 4,

    /// <summary>Every version this codec implements.</summary>
    All = V1_0 | V1_1 | V1_2,
}
