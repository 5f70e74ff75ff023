using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace StompFunctions.EventGrid.Webhook;

/// <summary><c>app.MapStompEventGrid("/api/eventgrid")</c>: the Event Grid webhook in any ASP.NET Core host.</summary>
public static class StompEventGridEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the webhook for OPTIONS (CloudEvents validation) and POST (the validation event and every delivery) at
    /// <paramref name="pattern"/>. Throws at once when <c>AddStompEventGridIngress</c> was not called. Protect it as
    /// the host protects its other endpoints (a function key in Azure Functions).
    /// </summary>
    public static IEndpointConventionBuilder MapStompEventGrid(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var handler = endpoints.ServiceProvider.GetService<EventGridWebhookHandler>()
            ?? throw new InvalidOperationException("MapStompEventGrid needs the Event Grid ingress: call services.AddStompEventGridIngress(...) first.");
        return endpoints
            .MapMethods(pattern, [HttpMethods.Options, HttpMethods.Post], handler.HandleAsync)
            .WithDisplayName("STOMP Event Grid webhook");
    }
}
