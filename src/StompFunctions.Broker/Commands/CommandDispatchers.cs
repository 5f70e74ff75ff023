using StompFunctions.Broker.Delivery;
using StompFunctions.Broker.Execution;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Queues;
using StompFunctions.Broker.Routing;

namespace StompFunctions.Broker.Commands;

/// <summary>Builds the dispatcher with one handler per command over the engine's parts.</summary>
internal static class CommandDispatchers
{
    public static CommandDispatcher Create(
        StompBrokerOptions options, CompiledHandlers handlers, ContextServices context, IStompStateStore store, IConnectionGateway gateway, DestinationClassifier destinations, QueueBroker queues)
    {
        var transactions = new TransactionHold(options);
        var send = new SendHandler(handlers, destinations, context, transactions);
        var ack = new AckHandler(handlers, context, transactions, destinations, queues);
        return new CommandDispatcher(
            new ConnectHandler(options, handlers.ConnectHooks, context.Services, context.Stamp),
            send,
            new SubscribeHandler(options, handlers, destinations, context, store, gateway, queues),
            new UnsubscribeHandler(store, gateway, destinations, queues),
            ack,
            new BeginHandler(options),
            new CommitHandler(options.Parsing, send, ack),
            new AbortHandler(),
            new DisconnectHandler());
    }
}
