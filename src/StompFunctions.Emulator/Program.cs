using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using StompFunctions.Emulator;
using StompFunctions.Emulator.Standalone;

// Standalone emulator: dotnet run --project src/StompFunctions.Emulator -- --port 8081 --hub stomp --upstream http://localhost:7071/api/webpubsub/{event}
StandaloneArguments arguments;
try
{
    arguments = StandaloneArguments.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

if (arguments.ShowHelp)
{
    Console.WriteLine(StandaloneArguments.Usage);
    return 0;
}

// Before the first socket: inline I/O on one event thread, as the DevHost runs (the environment may decide).
var inlineIo = StandaloneInlineIo.EnableUnlessConfigured();
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
StandaloneInlineIo.ConfigureKestrel(builder.Services, inlineIo);
builder.Configuration.AddInMemoryCollection(arguments.Values);
if (builder.Configuration["config"] is { Length: > 0 } configFile)
{
    builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
}

// The heading below says where the emulator listens; request logs would print client URLs with their access_token.
builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
// No Activity per request: ASP.NET Core makes one while this category is enabled at any level, and a WebSocket's
// activity would become the parent of every upstream event of that connection; nothing reads them.
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

var port = StandaloneSettings.Port(builder.Configuration);
var host = StandaloneSettings.Host(builder.Configuration);
builder.WebHost.UseUrls($"http://{host}:{port}");
builder.Services.AddWebPubSubEmulator(options =>
{
    StandaloneSettings.Apply(builder.Configuration, options);
    options.PublicEndpoint ??= new Uri($"http://{host}:{port}");
});

var app = builder.Build();
app.MapWebPubSubEmulator();
try
{
    await app.StartAsync();
}
catch (IOException e) when (e.InnerException is AddressInUseException)
{
    await Console.Error.WriteLineAsync($"Port {port} is already in use (the DevHost also defaults to 8080): stop that process or pick another port with --port N.");
    return 1;
}

var settings = app.Services.GetRequiredService<IOptions<WebPubSubEmulatorOptions>>().Value;
Console.WriteLine(
    $"""
     Web PubSub emulator listening on http://{host}:{port}. Connection string (development key, public and not secret):
     {WebPubSubEmulatorHost.BuildConnectionString(settings.PublicEndpoint!, settings.AccessKey)}
     Hubs: {string.Join(", ", settings.Hubs.Keys)}
     """);
await app.WaitForShutdownAsync();
return 0;
