using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace StompFunctions.Hosting.Tests;

/// <summary>Kestrel schedules inline exactly when the socket engine completes inline (docs/benchmarks.md, "Hosting path hand-offs").</summary>
public sealed class StompInlineIoTests
{
    [Theory]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("true", false)]
    [InlineData(null, false)]
    public void Kestrel_runs_requests_inline_only_when_socket_completions_are_inline(string? setting, bool inline)
    {
        var services = new ServiceCollection().AddOptions();
        StompInlineIo.ConfigureKestrel(services, setting);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(inline, provider.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
        Assert.Equal(inline, StompInlineIo.IsOn(setting));
    }

    [Theory]
    [InlineData(null, null, "1", "1")]
    [InlineData("1", null, "1", "1")]
    [InlineData("0", null, "0", null)]
    [InlineData(null, "4", "1", "4")]
    [InlineData("0", "2", "0", "2")]
    public void A_host_runs_inline_on_one_event_thread_unless_its_environment_decides(
        string? completions, string? threads, string expectedCompletions, string? expectedThreads)
    {
        Assert.Equal((expectedCompletions, expectedThreads), StompInlineIo.Settings(completions, threads));
    }
}
