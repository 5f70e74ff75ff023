using StompFunctions.DevHost;

var options = DevHostOptions.FromArgs(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // The page and stompjs are copied next to the assembly, so the host runs the same from
    // `dotnet run` and from the built DLL.
    ContentRootPath = AppContext.BaseDirectory,
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenLocalhost(options.Port));
// The banner says where everything is; the framework's own start-up lines would only repeat it.
builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);

var app = builder.Build();
app.UseDefaultFiles();
app.UseStaticFiles();
app.Lifetime.ApplicationStarted.Register(() => DevHostBanner.Print(Console.Out, options));
await app.RunAsync();
