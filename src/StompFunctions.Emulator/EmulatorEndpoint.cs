using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace StompFunctions.Emulator;

/// <summary>Where clients and servers reach the emulator: the configured public endpoint or the first listening address.</summary>
internal sealed class EmulatorEndpoint(IOptions<WebPubSubEmulatorOptions> options, IServer server)
{
    public Uri Get()
    {
        if (options.Value.PublicEndpoint is { } configured)
        {
            return configured;
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        // Wildcard bindings are not addresses a client can use; loopback is what a local user means.
        address = address.Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
        return new Uri(address);
    }

    /// <summary>The <c>WebHook-Request-Origin</c> value: the endpoint's host (with its port when not the default).</summary>
    public string Origin() => Get().Authority.ToLowerInvariant();
}
