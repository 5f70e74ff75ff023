using Microsoft.AspNetCore.Routing;
using StompFunctions.EventGrid.Webhook;
using StompFunctions.WebPubSub;

namespace StompFunctions.Hosting;

/// <summary><c>app.MapStompApp()</c>: the app's endpoints in an ASP.NET Core host, at the Functions app's routes.</summary>
public static class StompAppEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the upstream, negotiate, publish and Event Grid endpoints under <see cref="StompAppRoutes.Prefix"/>,
    /// exactly where the Functions app serves them. Needs <c>AddStompApp</c>. Unlike the Functions app, an
    /// ASP.NET Core host has no function keys: publish and the webhook are open to whoever reaches the host unless
    /// it adds a convention (authorization, CORS) through the returned <see cref="StompAppEndpoints"/>.
    /// </summary>
    public static StompAppEndpoints MapStompApp(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return new StompAppEndpoints(
            endpoints.MapStompUpstream($"{StompAppRoutes.Prefix}/{StompAppRoutes.Upstream}"),
            endpoints.MapStompNegotiate($"{StompAppRoutes.Prefix}/{StompAppRoutes.Negotiate}"),
            endpoints.MapStompPublish($"{StompAppRoutes.Prefix}/{StompAppRoutes.Publish}"),
            endpoints.MapStompEventGrid($"{StompAppRoutes.Prefix}/{StompAppRoutes.EventGrid}"));
    }
}
