using StompFunctions.Broker.Errors;
using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Sessions;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Commands;

/// <summary>
/// What a command handler gets for one frame: the event being handled (session, reply, cancellation), the
/// validated frame and its bytes as received (kept by transactions until COMMIT).
/// </summary>
internal readonly record struct CommandFrame(MessageExecution Execution, StompFrame Frame, ReadOnlyMemory<byte> Raw)
{
    public SessionState Session => Execution.Session;

    /// <summary>Refuses the frame with the standard texts of <paramref name="error"/>.</summary>
    public void Fail(EngineError error, params ReadOnlySpan<object?> args) => Execution.Fail(Frame, EngineFailure.For(error, args));

    /// <summary>Refuses the frame.</summary>
    public void Fail(in EngineFailure failure) => Execution.Fail(Frame, failure);
}
