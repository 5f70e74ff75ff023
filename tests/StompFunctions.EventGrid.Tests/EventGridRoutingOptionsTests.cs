using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace StompFunctions.EventGrid.Tests;

public sealed class EventGridRoutingOptionsTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddStompEventGridIngress(configuration.GetSection("EventGrid")).BuildServiceProvider();
    }

    [Fact]
    public void Routes_bind_from_app_settings_in_the_Section__Index__Key_form()
    {
        using var services = Services(new()
        {
            ["EventGrid:Routes:0:EventType"] = "Microsoft.Storage.BlobCreated",
            ["EventGrid:Routes:0:Destination"] = "/topic/blobs{subject}",
            ["EventGrid:UnmatchedDestination"] = "",
        });

        var options = services.GetRequiredService<IOptions<EventGridRoutingOptions>>().Value;

        var route = Assert.Single(options.Routes);
        Assert.Equal("Microsoft.Storage.BlobCreated", route.EventType);
        Assert.Equal("/topic/blobs{subject}", route.Destination);
        Assert.Equal("", options.UnmatchedDestination);
    }

    [Fact]
    public void Without_settings_every_event_goes_to_topic_events_by_type()
    {
        using var services = Services([]);

        var result = services.GetRequiredService<EventGridMapping>().Map(Mappings.Json("""{ "specversion": "1.0", "id": "1", "source": "/s", "type": "T" }"""));

        Assert.Equal("/topic/events/T", Assert.Single(result.Publications).Destination);
    }

    [Theory]
    [InlineData("EventGrid:Routes:0:Destination", "topic/no-slash", "EventGrid:Routes:0:Destination")]
    [InlineData("EventGrid:Routes:0:EventType", "Microsoft.*.BlobCreated", "EventGrid:Routes:0:EventType")]
    [InlineData("EventGrid:UnmatchedDestination", "events", "EventGrid:UnmatchedDestination")]
    public void A_mapping_that_cannot_work_is_rejected_naming_the_setting_at_fault(string key, string value, string named)
    {
        using var services = Services(new()
        {
            ["EventGrid:Routes:0:Destination"] = "/topic/ok",
            [key] = value,
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EventGridRoutingOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
