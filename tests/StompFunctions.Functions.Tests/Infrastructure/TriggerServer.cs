using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StompFunctions.Hosting;

namespace StompFunctions.Functions.Tests.Infrastructure;

/// <summary>
/// Puts the Functions app's HTTP trigger classes on a loopback port so the emulator and real clients can reach them:
/// a request matching a trigger's declared route and methods (under host.json's <c>api</c> prefix) creates that
/// trigger class from the Functions app's own services and calls its method with the real <see cref="HttpRequest"/>
/// and route values, then executes the <see cref="IActionResult"/> it returns. No keys, no other bindings: only
/// what these triggers declare, so the tests run the app's code, not a stand-in for the Functions host.
/// </summary>
internal sealed class TriggerServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TriggerServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public Uri Url(string route) => new(Address, $"{StompAppRoutes.Prefix}/{route}");

    public static async Task<TriggerServer> StartAsync(IServiceProvider functions)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        foreach (var trigger in HttpTrigger.All)
        {
            var methods = trigger.Methods.Select(static m => m.ToUpperInvariant()).ToArray();
            app.MapMethods($"{StompAppRoutes.Prefix}/{trigger.Route}", methods, context => InvokeAsync(context, functions, trigger));
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TriggerServer(app, new Uri(address));
    }

    private static async Task InvokeAsync(HttpContext context, IServiceProvider functions, HttpTrigger trigger)
    {
        await using var scope = functions.CreateAsyncScope();
        context.RequestServices = scope.ServiceProvider;
        var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, trigger.Type);
        var arguments = trigger.Method.GetParameters().Select(p => Argument(context, p.ParameterType, p.Name!)).ToArray();
        var result = await (Task<IActionResult>)trigger.Method.Invoke(instance, arguments)!;
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }

    private static object? Argument(HttpContext context, Type type, string name) =>
        type == typeof(HttpRequest) ? context.Request
        : type == typeof(CancellationToken) ? context.RequestAborted
        : type == typeof(string) ? context.GetRouteValue(name)?.ToString()
        : throw new NotSupportedException($"The trigger parameter {name} ({type.Name}) is not bound by this test server.");

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
