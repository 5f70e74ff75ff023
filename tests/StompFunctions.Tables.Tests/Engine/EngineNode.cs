using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StompFunctions.Broker;
using StompFunctions.Broker.Collector;
using StompFunctions.Broker.Testing;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Queues;

namespace StompFunctions.Tables.Tests.Engine;

/// <summary>
/// One function instance: its own engine and its own store object (its own Table client), sharing only
/// Azurite and the "Web PubSub" (an in-memory gateway) with the other instances, as two real
/// instances would.
/// </summary>
internal sealed class EngineNode
{
    private int _ids;

    public EngineNode(string name, IStompStateStore store, InMemoryConnectionGateway gateway, IQueueStore? queues = null, TimeProvider? time = null)
    {
        Name = name;
        Store = store;
        Gateway = gateway;
        Engine = new StompEngine(
            store, gateway, new StompHandlerRegistry(), Options.Create(new StompBrokerOptions()), time ?? TimeProvider.System, new NodeIds(this), NullLogger<StompEngine>.Instance, queueStore: queues);
        Collector = new StompRouteCollector(store, gateway, NullLogger<StompRouteCollector>.Instance, Engine.Queues);
    }

    public string Name { get; }

    public IStompStateStore Store { get; }

    public InMemoryConnectionGateway Gateway { get; }

    public StompEngine Engine { get; }

    public StompRouteCollector Collector { get; }

    public StompTestConnection Open(string connectionId, string? userId = null) => new(this, connectionId, userId);

    private sealed class NodeIds(EngineNode node) : IStompIdGenerator
    {
        public string NewId() => $"{node.Name}-{Interlocked.Increment(ref node._ids)}";
    }
}
