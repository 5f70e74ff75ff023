using StompFunctions.Emulator;
using StompFunctions.Emulator.Standalone;

// Standalone emulator: dotnet run --project src/StompFunctions.Emulator -- --port 8080 --hub chat --upstream http://localhost:7071/api/webpubsub/{event}
var builder = WebApplication.CreateBuilder(args);
if (builder.Configuration["config"] is { Length: > 0 } configFile)
{
    builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
}

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
await app.StartAsync();

var settings = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebPubSubEmulatorOptions>>().Value;
Console.WriteLine("Web PubSub emulator listening. Connection string (development key, public and not secret):");
Console.WriteLine(WebPubSubEmulatorHost.BuildConnectionString(settings.PublicEndpoint!, settings.AccessKey));
Console.WriteLine("Hubs: " + string.Join(", ", settings.Hubs.Keys));
await app.WaitForShutdownAsync();
