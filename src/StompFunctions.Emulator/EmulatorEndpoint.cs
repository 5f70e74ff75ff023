using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace StompFunctions.Emulator;

/// <summary>
/// Where clients and servers reach the emulator: the configured public endpoint or the first listening address.
/// Both answers are read for every upstream event, so the last ones are kept with what they were made from (the
/// configured <see cref="Uri"/> or the address text); a changed setting or address makes new ones.
/// </summary>
internal sealed class EmulatorEndpoint(IOptions<WebPubSubEmulatorOptions> options, IServer server)
{
    private Kept? _kept;

    public Uri Get() => Current().Endpoint;

    /// <summary>The <c>WebHook-Request-Origin</c> value: the endpoint's host (with its port when not the default).</summary>
    public string Origin() => Current().Origin;

    private Kept Current()
    {
        object source = options.Value.PublicEndpoint is { } configured
            ? configured
            : server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        var kept = _kept;
        if (kept is not null && (ReferenceEquals(kept.Source, source) || (source is string address && string.Equals(address, kept.Source as string, StringComparison.Ordinal))))
        {
            return kept;
        }

        var endpoint = source as Uri ?? FromAddress((string)source);
        kept = new Kept(source, endpoint, endpoint.Authority.ToLowerInvariant());
        _kept = kept;
        return kept;
    }

    // Wildcard bindings are not addresses a client can use; loopback is what a local user means.
    private static Uri FromAddress(string address) => new(address
        .Replace("://+", "://localhost", StringComparison.Ordinal)
        .Replace("://*", "://localhost", StringComparison.Ordinal)
        .Replace("://[::]", "://localhost", StringComparison.Ordinal)
        .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal));

    private sealed record Kept(object Source, Uri Endpoint, string Origin);
}
