using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using StompFunctions.Hosting;
using StompFunctions.Hosting.Demo;

namespace StompFunctions.Functions;

/// <summary>
/// The Functions app's composition: the worker's ASP.NET Core integration and Application Insights, then
/// the same <c>AddStompApp</c> the DevHost runs. Handlers and hooks go here (docs/programming.md, "Add a handler").
/// </summary>
public static class StompFunctionsApp
{
    /// <summary>Configures the worker and registers everything the triggers need, from the app settings.</summary>
    public static FunctionsApplicationBuilder ConfigureStompApp(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // ASP.NET Core integration: the HTTP triggers get HttpRequest and hand its HttpContext to the same
        // handlers MapStompApp serves in an ASP.NET Core host.
        builder.ConfigureFunctionsWebApplication();
        builder.Services
            .AddApplicationInsightsTelemetryWorkerService()
            .ConfigureFunctionsApplicationInsights();

        builder.Services.AddStompApp(builder.Configuration)
            // The demo chat: a SEND to /app/chat/{room} reaches the subscribers of /topic/chat.{room}.
            .MapChatRooms();
        return builder;
    }
}
