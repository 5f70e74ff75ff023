using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace StompFunctions.Protocol.Writing;

/// <summary>Throws for writer misuse (bugs in the caller, not peer input), out of the hot path.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    [StackTraceHidden]
    public static void HeaderNotRepresentable() => throw new ArgumentException(
        "The header cannot be written in this frame: empty name, a NUL, or a line break (or a colon in the name) where the version or command allows no escaping.");

    [DoesNotReturn]
    [StackTraceHidden]
    public static void ContentLengthIsWritten() => throw new ArgumentException(
        "The writer adds content-length itself when it writes the body; do not write it as a header.");

    [DoesNotReturn]
    [StackTraceHidden]
    public static void BodyNotAllowed(StompCommand command) => throw new ArgumentException(
        $"{command.GetName()} frames must not have a body; only SEND, MESSAGE and ERROR may.");

    [DoesNotReturn]
    [StackTraceHidden]
    public static void FrameEnded() => throw new InvalidOperationException("The frame has already been ended.");
}
