using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StompFunctions.Broker;
using StompFunctions.WebPubSub.ClientAccess;
using StompFunctions.WebPubSub.Publishing;

namespace StompFunctions.WebPubSub;

/// <summary>
/// <c>app.MapStompUpstream("/api/webpubsub")</c>, <c>app.MapStompNegotiate("/api/negotiate")</c> and
/// <c>app.MapStompPublish("/api/publish")</c>.
/// </summary>
public static class StompWebPubSubEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the upstream endpoint for POST (events) and OPTIONS (abuse protection) at <paramref name="pattern"/> and
    /// below it, so a hub <c>urlTemplate</c> of either <c>…/api/stomp</c> or <c>…/api/stomp/{event}</c> works.
    /// Throws at once when <c>AddStomp().AddWebPubSubGateway()</c> was not called.
    /// </summary>
    public static IEndpointConventionBuilder MapStompUpstream(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        EnsureRegistered(endpoints, nameof(MapStompUpstream));
        var handler = endpoints.ServiceProvider.GetRequiredService<StompUpstreamHandler>();
        return endpoints
            .MapMethods(pattern.TrimEnd('/') + "/{**webPubSubEvent}", [HttpMethods.Post, HttpMethods.Options], handler.HandleAsync)
            .WithDisplayName("STOMP upstream (Web PubSub)");
    }

    /// <summary>
    /// Maps the negotiate endpoint (GET or POST) answering <c>{"url": "wss://…?access_token=…"}</c> for the caller the
    /// <c>ClientAuthentication</c> settings accept (closed when none are set), or the user the
    /// <see cref="WebPubSubGatewayOptions.ClientUserId"/> hook chooses when set. Chain CORS as needed.
    /// </summary>
    public static IEndpointConventionBuilder MapStompNegotiate(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        EnsureRegistered(endpoints, nameof(MapStompNegotiate));
        var handler = endpoints.ServiceProvider.GetRequiredService<StompNegotiateHandler>();
        return endpoints
            .MapMethods(pattern, [HttpMethods.Get, HttpMethods.Post], handler.HandleAsync)
            .WithDisplayName("STOMP negotiate (Web PubSub)");
    }

    /// <summary>
    /// Maps server-side publishing: <c>POST {pattern}/topic/news</c> delivers the body to every subscriber of
    /// <c>/topic/news</c> (<see cref="StompPublishHandler"/>). It publishes to any destination: chain
    /// <c>RequireAuthorization()</c> or keep it off public networks (the Functions app protects it with a function key).
    /// </summary>
    public static IEndpointConventionBuilder MapStompPublish(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        EnsureRegistered(endpoints, nameof(MapStompPublish));
        var handler = endpoints.ServiceProvider.GetRequiredService<StompPublishHandler>();
        return endpoints
            .MapPost(pattern.TrimEnd('/') + "/{**destination}", (HttpContext context, string? destination) => handler.HandleAsync(context, destination))
            .WithDisplayName("STOMP publish (HTTP)");
    }

    private static void EnsureRegistered(IEndpointRouteBuilder endpoints, string method)
    {
        var services = endpoints.ServiceProvider.GetService<IServiceProviderIsService>();
        if (services is null || !services.IsService(typeof(StompEngine)))
        {
            throw new InvalidOperationException($"{method} needs the STOMP engine: call services.AddStomp(...).AddWebPubSubGateway(...) first.");
        }

        if (!services.IsService(typeof(WebPubSubMarkerService)))
        {
            throw new InvalidOperationException($"{method} needs the Web PubSub adapter: call services.AddStomp(...).AddWebPubSubGateway(...) first.");
        }
    }
}
