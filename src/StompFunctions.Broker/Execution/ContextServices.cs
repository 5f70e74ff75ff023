using StompFunctions.Broker.Delivery;

namespace StompFunctions.Broker.Execution;

/// <summary>What the contexts given to middleware, handlers and hooks reach beyond their frame: the fan-out, the stamp and the application's services.</summary>
internal sealed record ContextServices(MessageFanOut FanOut, StompPublisher Publisher, MessageStamp Stamp, IServiceProvider? Services);
