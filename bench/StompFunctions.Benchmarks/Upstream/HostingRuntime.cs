using Microsoft.AspNetCore.Builder;
using StompFunctions.Hosting;

namespace StompFunctions.Benchmarks.Upstream;

/// <summary>
/// The DevHost's runtime settings for the hosting path, so the one-event benchmark measures what the DevHost runs:
/// inline socket completions on one event thread (<see cref="StompInlineIo"/>), and Kestrel running each request on
/// the thread that read it. The environment still decides (<c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0</c>
/// measures the runtime's defaults).
/// </summary>
internal static class HostingRuntime
{
    /// <summary>Before the process's first socket: the variables the socket engine reads once.</summary>
    public static void Apply() => StompInlineIo.EnableUnlessConfigured();

    public static bool Inline => StompInlineIo.IsOn(Environment.GetEnvironmentVariable(StompInlineIo.SocketCompletionsVariable));

    /// <summary>One line for the report: completions, event threads.</summary>
    public static string Describe() =>
        $"inline socket completions: {(Inline ? "on" : "off")}; socket event threads: {Environment.GetEnvironmentVariable(StompInlineIo.EventThreadsVariable) ?? "runtime default"}";

    /// <summary>Kestrel inline where the socket engine is, as <c>AddStompApp</c> configures it.</summary>
    public static void ConfigureKestrel(WebApplicationBuilder builder) =>
        StompInlineIo.ConfigureKestrel(builder.Services, Environment.GetEnvironmentVariable(StompInlineIo.SocketCompletionsVariable));
}
