using Azure.Identity;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using StompFunctions.Broker;
using StompFunctions.EventGrid;
using StompFunctions.Functions;
using StompFunctions.Tables;
using StompFunctions.WebPubSub;
using StompFunctions.WebPubSub.Publishing;

var builder = FunctionsApplication.CreateBuilder(args);

// ASP.NET Core integration: the HTTP triggers get HttpRequest and hand its HttpContext to the same
// handlers MapStompUpstream/MapStompNegotiate serve in a plain ASP.NET Core app.
builder.ConfigureFunctionsWebApplication();

builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();

// Broker settings (heart-beats, limits, prefixes) from the Stomp section: Stomp__HeartBeatReceiveMilliseconds, …
builder.Services.AddOptions<StompBrokerOptions>().Bind(builder.Configuration.GetSection(AppSettingNames.StompSection));

builder.Services.AddStomp()
    .AddWebPubSubGateway(webPubSub =>
    {
        // In Azure there is no connection string: REST calls run as the app's managed identity
        // (AZURE_CLIENT_ID names it); the access key only checks upstream signatures.
        if (string.IsNullOrEmpty(webPubSub.ConnectionString))
        {
            webPubSub.Credential = new DefaultAzureCredential();
        }
    })
    .AddTableStorage(builder.Configuration.GetSection(AppSettingNames.TablesSection))
    // Handlers per destination, as in the README: a SEND to /app/chat/{room} reaches every
    // subscriber of /topic/chat/{room}, stamped with the sender's user name.
    .MapSend("/app/chat/{room}", static async context =>
    {
        var room = context.RouteValues["room"];
        await context.PublishAsync($"/topic/chat/{room}", context.BodyText, [new("sender", context.User ?? "anonymous")]);
    });

builder.Services.AddStompEventGridIngress(builder.Configuration.GetSection(AppSettingNames.EventGridSection));
builder.Services.TryAddSingleton<StompPublishHandler>();

builder.Build().Run();
