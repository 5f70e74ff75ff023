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
}
