using Microsoft.AspNetCore.Builder;

namespace StompFunctions.Hosting;

/// <summary>
/// The endpoints <c>MapStompApp</c> mapped, one convention builder each, so a host can add what its setting needs
/// (<c>RequireCors</c>, <c>RequireAuthorization</c>, rate limits) to one endpoint without mapping it by hand.
/// </summary>
public sealed record StompAppEndpoints(
    IEndpointConventionBuilder Upstream,
    IEndpointConventionBuilder Negotiate,
    IEndpointConventionBuilder Publish,
    IEndpointConventionBuilder EventGrid);
