using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace StompFunctions.Functions.Tests.Infrastructure;

/// <summary>
/// Builds the Functions app's own host: the worker's application builder with the app's composition
/// (<see cref="StompFunctionsApp.ConfigureStompApp"/>, what Program.cs runs) over the given settings. The host is
/// built, never started: starting it would connect to a Functions host over gRPC, which the worker
/// offers no in-process substitute for. Start-up validation (options validated on start) runs explicitly.
/// </summary>
internal static class FunctionsAppHost
{
    public static IHost Build(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.ConfigureStompApp();
        var host = builder.Build();
        host.Services.GetService<IStartupValidator>()?.Validate();
        return host;
    }
}
