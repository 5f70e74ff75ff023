using StompFunctions.Broker.Delivery;
using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Routing;

namespace StompFunctions.Broker.Commands;

/// <summary>Builds the dispatcher with one handler per command over the engine's parts.</summary>
internal static class CommandDispatchers
{
    public static CommandDispatcher Create(StompBrokerOptions options, CompiledHandlers handlers, ContextServices context, IStompStateStore store, IConnectionGateway gateway)
    {
        var destinations = new DestinationClassifier(options.BrokerPrefixes);
        var transactions = new TransactionHold(options);
        var send = new SendHandler(handlers, destinations, context, transactions);
        var ack = new AckHandler(handlers, context, transactions);
        return new CommandDispatcher(
            new ConnectHandler(options, handlers.ConnectHooks, context.Services, context.Stamp),
            send,
            new SubscribeHandler(options, handlers, destinations, context, store, gateway),
            new UnsubscribeHandler(store, gateway),
            ack,
            new BeginHandler(options),
            new CommitHandler(options.Parsing, send, ack),
            new AbortHandler(),
            new DisconnectHandler());
    }
}
