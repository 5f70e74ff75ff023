using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using StompFunctions.Broker;
using StompFunctions.Broker.Ports;
using StompFunctions.Functions.Tests.Infrastructure;
using StompFunctions.Functions.Triggers;

namespace StompFunctions.Functions.Tests.Triggers;

/// <summary>CollectorFunction, the timer: rows of a connection the emulator no longer has go from Table Storage.</summary>
[Collection(FunctionsStackCollection.Name)]
public sealed class CollectorFunctionTests(FunctionsStackFixture stack)
{
    [Fact]
    public async Task A_timer_run_removes_the_member_and_route_of_a_connection_that_vanished_without_a_disconnected_event()
    {
        const string destination = "/topic/functions.collector";
        var group = StompGroupNames.For(destination, "sub-0", StompAckMode.Auto);
        await stack.Store.AddSubscriptionAsync(
            new StompRoute(destination, "sub-0", StompAckMode.Auto, group),
            new StompMember(destination, group, "vanished-connection"),
            CancellationToken.None);
        var function = ActivatorUtilities.CreateInstance<CollectorFunction>(stack.Functions.Services);

        await function.RunAsync(new TimerInfo(), CancellationToken.None);

        var left = await stack.Store.ReadDestinationAsync(destination, CancellationToken.None);
        Assert.Empty(left.Members);
        Assert.Empty(left.Routes);
    }
}
