using Microsoft.Extensions.Logging;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Testing;
using StompFunctions.Broker.Tests.Support;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Tests.Engine;

/// <summary>
/// A store outage seen from the engine's log: every frame that needs the store gets an ERROR, but the log gets
/// no warning and no stack trace per frame (the store adapter reports the outage, once per kind and minute).
/// </summary>
public sealed class StoreOutageLoggingTests
{
    [Fact]
    public async Task Frames_failing_on_the_store_get_an_ERROR_each_and_leave_no_warning_or_stack_trace_in_the_log()
    {
        var store = new ScriptedStore();
        var logger = new RecordingLogger<StompEngine>();
        var harness = new EngineHarness(store: store, logger: logger);
        store.Failing.Add(nameof(IStompStateStore.GetRoutesAsync));
        store.Failing.Add(nameof(IStompStateStore.AddSubscriptionAsync));

        for (var i = 0; i < 5; i++)
        {
            var sender = await harness.ConnectedClientAsync($"c{i}");
            var send = await sender.SendAsync("SEND\ndestination:/topic/a\n\nx\0");
            var subscriber = await harness.ConnectedClientAsync($"s{i}");
            var subscribe = await subscriber.SendAsync("SUBSCRIBE\nid:0\ndestination:/topic/a\n\n\0");

            Assert.Equal(StompCommand.Error, Assert.Single(ParsedFrame.ParseAll(send.Reply)).Command);
            Assert.Equal(StompCommand.Error, Assert.Single(ParsedFrame.ParseAll(subscribe.Reply)).Command);
        }

        Assert.Equal(10, logger.Entries.Count(e => e.EventId == 2002));
        Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Warning || e.Exception is not null);
    }
}
