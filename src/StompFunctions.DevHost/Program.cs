using StompFunctions.DevHost;
using StompFunctions.DevHost.Endpoints;
using StompFunctions.DevHost.Storage;
using StompFunctions.Emulator;
using StompFunctions.Hosting;
using StompFunctions.Hosting.Demo;
using StompFunctions.WebPubSub;

// Before the first socket: one event's work stays on the one event thread that read it (StompInlineIo; the environment may decide).
StompInlineIo.EnableUnlessConfigured();

DevHostOptions options;
try
{
    options = DevHostOptions.FromArgs(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

if (options.ShowHelp)
{
    Console.WriteLine(DevHostOptions.Usage);
    return 0;
}

if (options.TableConnectionString is { } tables && await TableStorageProbe.FindProblemAsync(tables) is { } problem)
{
    await Console.Error.WriteLineAsync(problem);
    return 1;
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = [],
    // The page and stompjs are copied next to the assembly, so the host runs the same from
    // `dotnet run` and from the built DLL.
    ContentRootPath = AppContext.BaseDirectory,
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenLocalhost(options.Port));
// The banner says where everything is; the framework's own start-up lines would only repeat it.
builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
// Request logs would print every client URL, access token included.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
// No Activity and log scope per request: ASP.NET Core makes both for every request (each upstream event and REST
// call) while this category is enabled at any level, then propagates them into the outgoing calls; nothing reads them.
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
// A port in use is one line below, not the host's stack trace.
builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
if (options.MinimumLogLevel is { } minimumLevel)
{
    // Added after the configuration's rules, so it wins over Logging__LogLevel__Default; the filters above stay.
    builder.Logging.AddFilter(category: null, minimumLevel);
}

builder.Services.AddCors(cors => cors.AddPolicy(LocalStack.CorsPolicy, policy => LocalStack.ConfigureCors(policy, options)));

// The emulator and the app share this process and port; the emulator still calls the upstream over real
// HTTP, exactly as Azure Web PubSub calls the Functions app. The app is the Functions app's own composition
// (AddStompApp, MapStompApp); the DevHost only points it at the emulator and picks the store.
// With --emulator the app runs alone, against an emulator in another process, as the Functions app runs beside the service.
var ownEmulator = options.EmulatorConnectionString is null;
builder.Configuration.AddInMemoryCollection(LocalStack.Settings(options));
if (ownEmulator)
{
    builder.Services.AddWebPubSubEmulator(emulator => LocalStack.ConfigureEmulator(emulator, options));
}

builder.Services.AddStompApp(builder.Configuration).MapChatRooms();
builder.Services.Configure<WebPubSubGatewayOptions>(LocalStack.ConfigureGateway);
var storage = options.TableConnectionString is null ? "in-memory (this process)" : "Table Storage";

var app = builder.Build();
if (ownEmulator)
{
    app.UseMiddleware<RestCallCounter>();
}

app.UseDefaultFiles();
app.UseStaticFiles();
app.UseCors();
if (ownEmulator)
{
    app.MapWebPubSubEmulator();
    app.MapGet("/devhost/stats", () => Results.Json(new { restCalls = RestCallCounter.Count }));
}

// The Functions app's endpoints at its routes; negotiate and publish may also be called from another origin.
var endpoints = app.MapStompApp();
endpoints.Negotiate.RequireCors(LocalStack.CorsPolicy);
endpoints.Publish.RequireCors(LocalStack.CorsPolicy);
app.Lifetime.ApplicationStarted.Register(() => DevHostBanner.Print(Console.Out, options, storage));
try
{
    await app.StartAsync();
}
catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    await Console.Error.WriteLineAsync($"Port {options.Port} is already in use (another DevHost?): stop that process or pick another port with --port N.");
    return 1;
}

await app.WaitForShutdownAsync();
return 0;
