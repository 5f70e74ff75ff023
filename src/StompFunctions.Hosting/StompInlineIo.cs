using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace StompFunctions.Hosting;

/// <summary>
/// Inline I/O: one event's work stays on the thread that read it. By default .NET's socket engine hands every
/// completed read and write to the thread pool, and Kestrel hands the request to the thread pool once more; one
/// published message crosses several sockets in the local stack (client WebSocket, upstream request and answer, REST
/// group send and answer, subscriber WebSocket), so it woke about twelve threads. With
/// <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1</c> the socket engine runs completions on its own event threads,
/// and <see cref="StompAppServiceCollectionExtensions.AddStompApp"/> then also asks Kestrel for <see cref="SocketTransportOptions.UnsafePreferInlineScheduling"/>
/// (one without the other saves nothing measurable). The socket engine then runs one event thread per core; each
/// socket belongs to one of them, so a message whose legs sit on different threads still wakes one at every leg.
/// A host that enables inline I/O therefore also asks for a single event thread, as Node runs its one loop: every
/// leg of a message then completes on the thread that is already awake. The price: one core carries all socket work
/// (under many concurrent publishers two threads carry more), and a request that blocks its thread stalls every other
/// socket; nothing on the app's path blocks (every store and HTTP call is asynchronous).
/// Measured in docs/benchmarks.md, "Hosting path hand-offs" and "One event thread".
/// </summary>
public static class StompInlineIo
{
    /// <summary>The runtime's environment variable; it is read once, when the process creates its first socket.</summary>
    public const string SocketCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>The runtime's environment variable for the number of socket event threads (by default one per core when inline).</summary>
    public const string EventThreadsVariable = "DOTNET_SYSTEM_NET_SOCKETS_THREAD_COUNT";

    /// <summary>True when the variable turns inline socket completions on (the runtime accepts exactly <c>1</c>).</summary>
    public static bool IsOn(string? socketCompletionsSetting) => socketCompletionsSetting == "1";

    /// <summary>
    /// Turns inline socket completions on for this process unless its environment already decides (<c>0</c> keeps
    /// them off), and with them one socket event thread unless the environment names a count. Only before the first
    /// socket: a host calls it first thing in <c>Main</c>.
    /// </summary>
    public static void EnableUnlessConfigured()
    {
        var (completions, threads) = Settings(
            Environment.GetEnvironmentVariable(SocketCompletionsVariable), Environment.GetEnvironmentVariable(EventThreadsVariable));
        Environment.SetEnvironmentVariable(SocketCompletionsVariable, completions);
        Environment.SetEnvironmentVariable(EventThreadsVariable, threads);
    }

    /// <summary>
    /// The two variables a host runs with, from what its environment set: what is set stays; inline completions
    /// default to on, and where they are on, the event threads default to one.
    /// </summary>
    public static (string Completions, string? EventThreads) Settings(string? completions, string? eventThreads)
    {
        completions ??= "1";
        return (completions, eventThreads ?? (IsOn(completions) ? "1" : null));
    }

    /// <summary>
    /// Kestrel runs requests and writes inline when the socket engine completes inline; otherwise nothing changes.
    /// <c>AddStompApp</c> calls it; a host or tool with a Kestrel of its own (the emulator's, a benchmark's) calls it too.
    /// </summary>
    public static void ConfigureKestrel(IServiceCollection services, string? socketCompletionsSetting)
    {
        if (IsOn(socketCompletionsSetting))
        {
            services.Configure<SocketTransportOptions>(static sockets => sockets.UnsafePreferInlineScheduling = true);
        }
    }
}
