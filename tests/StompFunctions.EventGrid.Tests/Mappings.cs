using Microsoft.Extensions.Options;

namespace StompFunctions.EventGrid.Tests;

/// <summary>Builds a mapping over fixed options, as the DI container would.</summary>
internal static class Mappings
{
    public static EventGridMapping With(Action<EventGridRoutingOptions>? configure = null)
    {
        var options = new EventGridRoutingOptions();
        configure?.Invoke(options);
        return new EventGridMapping(new FixedOptionsMonitor(options));
    }

    public static BinaryData Json(string json) => BinaryData.FromString(json);

    private sealed class FixedOptionsMonitor(EventGridRoutingOptions value) : IOptionsMonitor<EventGridRoutingOptions>
    {
        public EventGridRoutingOptions CurrentValue => value;

        public EventGridRoutingOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<EventGridRoutingOptions, string?> listener) => null;
    }
}
