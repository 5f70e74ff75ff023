using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StompFunctions.Broker.InMemory;
using StompFunctions.Broker.Testing;
using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Tests.Support;

/// <summary>An engine over the in-memory ports, plus helpers to drive connections through it.</summary>
internal sealed class EngineHarness
{
    public EngineHarness(Action<StompBrokerOptions>? configure = null, Action<StompHandlerRegistry>? register = null, IStompStateStore? store = null, ILogger<StompEngine>? logger = null)
    {
        var options = new StompBrokerOptions();
        configure?.Invoke(options);
        register?.Invoke(Handlers);
        Store = store ?? MemoryStore;
        Engine = new StompEngine(Store, Gateway, Handlers, Options.Create(options), Time, new SequentialIdGenerator(), logger ?? NullLogger<StompEngine>.Instance);
    }

    public InMemoryStateStore MemoryStore { get; } = new();

    public IStompStateStore Store { get; }

    public InMemoryConnectionGateway Gateway { get; } = new();

    public StompHandlerRegistry Handlers { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public StompEngine Engine { get; }

    public TestClient Client(string connectionId = "c1", string? userId = null) => new(this, connectionId, userId);

    /// <summary>A client already past CONNECT (1.2).</summary>
    public async Task<TestClient> ConnectedClientAsync(string connectionId = "c1", string? userId = null, string acceptVersion = "1.2,1.1,1.0")
    {
        var client = Client(connectionId, userId);
        var result = await client.SendAsync($"CONNECT\naccept-version:{acceptVersion}\nheart-beat:10000,10000\n\n\0");
        Assert.Equal(Protocol.StompCommand.Connected, Assert.Single(ParsedFrame.ParseAll(result.Reply)).Command);
        return client;
    }
}
