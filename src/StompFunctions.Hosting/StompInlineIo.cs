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
/// (one without the other saves nothing measurable). The price: a request that blocks its thread stalls the other
/// sockets of that event thread; nothing on the app's path blocks (every store and HTTP call is asynchronous).
/// Measured in docs/benchmarks.md, "Hosting path hand-offs".
/// </summary>
public static class StompInlineIo
{
    /// <summary>The runtime's environment variable; it is read once, when the process creates its first socket.</summary>
    public const string SocketCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>True when the variable turns inline socket completions on (the runtime accepts exactly <c>1</c>).</summary>
    public static bool IsOn(string? socketCompletionsSetting) => socketCompletionsSetting == "1";

    /// <summary>
    /// Turns inline socket completions on for this process unless its environment already decides (<c>0</c> keeps
    /// them off). Only before the first socket: a host calls it first thing in <c>Main</c>.
    /// </summary>
    public static void EnableUnlessConfigured()
    {
        if (Environment.GetEnvironmentVariable(SocketCompletionsVariable) is null)
        {
            Environment.SetEnvironmentVariable(SocketCompletionsVariable, "1");
        }
    }

    /// <summary>Kestrel runs requests and writes inline when the socket engine completes inline; otherwise nothing changes.</summary>
    internal static void ConfigureKestrel(IServiceCollection services, string? socketCompletionsSetting)
    {
        if (IsOn(socketCompletionsSetting))
        {
            services.Configure<SocketTransportOptions>(static sockets => sockets.UnsafePreferInlineScheduling = true);
        }
    }
}
