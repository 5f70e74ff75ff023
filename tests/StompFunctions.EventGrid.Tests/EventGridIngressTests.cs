using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StompFunctions.Broker;
using StompFunctions.Broker.Ports;
using StompFunctions.Broker.Testing;

namespace StompFunctions.EventGrid.Tests;

public sealed class EventGridIngressTests
{
    private const string TwoEvents = """
        [
          { "specversion": "1.0", "id": "a", "source": "/s", "type": "Orders.Created", "datacontenttype": "application/json", "data": { "n": 1 } },
          { "specversion": "1.0", "id": "b", "source": "/s", "type": "Orders.Shipped", "datacontenttype": "text/plain", "data": "shipped" }
        ]
        """;

    [Fact]
    public async Task Each_mapped_message_is_published_with_its_content_type_event_headers_and_body()
    {
        var publisher = new RecordingPublisher(routesPerDestination: 2);
        var ingress = new EventGridIngress(Mappings.With(), publisher, NullLogger<EventGridIngress>.Instance);

        var result = await ingress.PublishAsync(Mappings.Json(TwoEvents));

        Assert.Equal(new EventIngressResult(2, 2, 4, 0, null), result);
        Assert.Collection(
            publisher.Published,
            first =>
            {
                Assert.Equal("/topic/events/Orders.Created", first.Destination);
                Assert.Equal(new("content-type", "application/json"), first.Headers[0]);
                Assert.Contains(new("ce-id", "a"), first.Headers);
                Assert.Equal("""{"n":1}""", first.Body);
            },
            second =>
            {
                Assert.Equal("/topic/events/Orders.Shipped", second.Destination);
                Assert.Equal(new("content-type", "text/plain"), second.Headers[0]);
                Assert.Equal("shipped", second.Body);
            });
    }

    [Fact]
    public async Task An_unreadable_delivery_is_dropped_and_reported_instead_of_thrown_so_Event_Grid_does_not_retry_it()
    {
        var publisher = new RecordingPublisher(routesPerDestination: 1);
        var ingress = new EventGridIngress(Mappings.With(), publisher, NullLogger<EventGridIngress>.Instance);

        var result = await ingress.PublishAsync(Mappings.Json("{ not json"));

        Assert.Empty(publisher.Published);
        Assert.Equal(1, result.Dropped);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public async Task A_store_outage_propagates_so_Event_Grid_retries_the_delivery()
    {
        var publisher = new RecordingPublisher(routesPerDestination: 1) { Failure = new StompStoreUnavailableException("routes unavailable") };
        var ingress = new EventGridIngress(Mappings.With(), publisher, NullLogger<EventGridIngress>.Instance);

        await Assert.ThrowsAsync<StompStoreUnavailableException>(() => ingress.PublishAsync(Mappings.Json(TwoEvents)));
    }

    [Fact]
    public async Task Registered_next_to_the_engine_it_publishes_through_the_engine_publish_API()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection();
        services.AddStomp().AddInMemoryConnectionGateway();
        services.AddStompEventGridIngress(configuration.GetSection("EventGrid"));
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<EventGridIngress>().PublishAsync(Mappings.Json(TwoEvents));

        // Nobody subscribed: two messages, no group send.
        Assert.Equal(new EventIngressResult(2, 2, 0, 0, null), result);
    }
}
