using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace StompFunctions.Emulator.Standalone;

/// <summary>
/// The standalone emulator runs its sockets as the DevHost runs them (docs/benchmarks.md, "Hosting path hand-offs" and
/// "One event thread"): completions inline on one socket event thread, and Kestrel's requests inline on it too, unless
/// the environment decides (<c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=0</c> keeps the runtime's hand-offs,
/// <c>DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT</c> names a count). With the runtime's defaults a message through the
/// standalone emulator cost 252 µs of its CPU and the app beside it ran at about 2,300 messages a second.
/// </summary>
internal static class StandaloneInlineIo
{
    private const string SocketCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
    private const string EventThreadsVariable = "DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT";

    /// <summary>Sets the two variables the socket engine reads at its first socket; true when completions are inline.</summary>
    public static bool EnableUnlessConfigured()
    {
        var (completions, threads) = Decide(
            Environment.GetEnvironmentVariable(SocketCompletionsVariable), Environment.GetEnvironmentVariable(EventThreadsVariable));
        Environment.SetEnvironmentVariable(SocketCompletionsVariable, completions);
        Environment.SetEnvironmentVariable(EventThreadsVariable, threads);
        return completions == "1";
    }

    /// <summary>What the environment set stays; completions default to inline, and inline ones to one event thread.</summary>
    internal static (string Completions, string? EventThreads) Decide(string? completions, string? eventThreads)
    {
        completions ??= "1";
        return (completions, eventThreads ?? (completions == "1" ? "1" : null));
    }

    /// <summary>Kestrel runs each request on the event thread that read it, when completions are inline.</summary>
    public static void ConfigureKestrel(IServiceCollection services, bool inline)
    {
        if (inline)
        {
            services.Configure<SocketTransportOptions>(static sockets => sockets.UnsafePreferInlineScheduling = true);
        }
    }
}
