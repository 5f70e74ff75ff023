using StompFunctions.Broker.Execution;
using StompFunctions.Protocol;

namespace StompFunctions.Broker;

/// <summary>A SEND being handled by a handler registered for its destination, or by a SEND authorization hook.</summary>
public sealed class StompSendContext : StompFrameContext
{
    internal StompSendContext(ContextServices services, MessageExecution execution, StompFrame frame, string destination, IReadOnlyDictionary<string, string> routeValues)
        : base(services, execution, frame)
    {
        Destination = destination;
        RouteValues = routeValues;
    }

    /// <summary>The SEND's destination.</summary>
    public string Destination { get; }

    /// <summary>Values bound by the destination template (<c>{room}</c> → <c>RouteValues["room"]</c>); empty for hooks.</summary>
    public IReadOnlyDictionary<string, string> RouteValues { get; }

    /// <summary>The body decoded as UTF-8.</summary>
    public string BodyText => Frame.GetBodyAsString();

    /// <summary>Delivers this SEND as the broker would: to every subscriber of <see cref="Destination"/>, user headers included.</summary>
    public ValueTask<int> ForwardAsync() => Environment.FanOut.PublishAsync(Destination, Frame, CancellationToken, Execution);
}
