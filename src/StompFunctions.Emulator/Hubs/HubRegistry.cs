using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace StompFunctions.Emulator.Hubs;

/// <summary>Resolves hub settings (with the <c>_default</c> fallback) and holds each hub's live state.</summary>
internal sealed class HubRegistry(IOptions<WebPubSubEmulatorOptions> options)
{
    /// <summary>Settings under this name apply to every hub that has no entry of its own (as in Microsoft's emulator).</summary>
    public const string DefaultHubKey = "_default";

    private readonly ConcurrentDictionary<string, HubState> _hubs = new(StringComparer.OrdinalIgnoreCase);

    public WebPubSubEmulatorOptions Options { get; } = options.Value;

    /// <summary>Finds the settings of a hub; false when the hub is neither configured nor covered by <c>_default</c>.</summary>
    public bool TryGetSettings(string hub, out EmulatorHubOptions settings)
    {
        if (Options.Hubs.TryGetValue(hub, out settings!) || Options.Hubs.TryGetValue(DefaultHubKey, out settings!))
        {
            return true;
        }

        settings = null!;
        return false;
    }

    /// <summary>
    /// Closes every connection (1001 going away) so that the host can stop: open WebSocket requests would
    /// otherwise hold the server's shutdown until its timeout.
    /// </summary>
    public void CloseAll(string reason)
    {
        foreach (var hub in _hubs.Values)
        {
            foreach (var connection in hub.Connections)
            {
                connection.Close(System.Net.WebSockets.WebSocketCloseStatus.EndpointUnavailable, reason);
            }
        }
    }

    /// <summary>The live state of a hub; hub names are case-insensitive (webpubsub-protocol.md §1.1).</summary>
    public HubState GetState(string hub) =>
        _hubs.GetOrAdd(hub, static name => new HubState(name.ToLowerInvariant()));
}
