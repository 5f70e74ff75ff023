using System.Buffers;

namespace StompFunctions.Protocol.Parsing;

/// <summary>The two answers of the parsers other than Done, each with the error it reports.</summary>
internal static class ParseOutcome
{
    public static OperationStatus Fail(StompParseError reason, out StompParseError error)
    {
        error = reason;
        return OperationStatus.InvalidData;
    }

    public static OperationStatus NeedMore(out StompParseError error)
    {
        error = StompParseError.None;
        return OperationStatus.NeedMoreData;
    }
}
