namespace StompFunctions.Protocol.Parsing;

/// <summary>Where the parts of one frame lie, as offsets from the frame's first octet.</summary>
internal struct FrameLayout
{
    public StompCommand Command;
    public int HeaderStart;
    public int HeaderLength;
    public int HeaderCount;
    public int BodyStart;
    public int BodyLength;

    /// <summary>Bytes from the first command octet to the terminating NUL included.</summary>
    public readonly int FrameLength => BodyStart + BodyLength + 1;
}
