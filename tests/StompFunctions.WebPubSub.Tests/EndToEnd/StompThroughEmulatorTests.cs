using System.Text.Json;
using Xunit.Abstractions;
using StompFunctions.WebPubSub.Tests.Infrastructure;

namespace StompFunctions.WebPubSub.Tests.EndToEnd;

[Collection(StompStackCollection.Name)]
public sealed class StompThroughEmulatorTests
{
    private readonly StompStackFixture _stack;
    private readonly ITestOutputHelper _output;

    public StompThroughEmulatorTests(StompStackFixture stack, ITestOutputHelper output)
    {
        _stack = stack;
        _output = output;
    }

    [Fact]
    public async Task STOMP_S65_S66_S58_stompjs_connects_subscribes_sends_receives_and_gets_receipts_and_errors_through_the_whole_chain()
    {
        var run = await NodeRunner.RunAsync("stomp-e2e.mjs", [_stack.NegotiateUrl.AbsoluteUri], timeout: TimeSpan.FromSeconds(60));

        _output.WriteLine(run.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        var result = JsonDocument.Parse(run.StandardOutput).RootElement;
        Assert.True(result.GetProperty("failures").GetArrayLength() == 0, run.StandardOutput);
        var checks = result.GetProperty("checks").EnumerateObject().Select(c => c.Name).ToHashSet();
        string[] expected =
        [
            "subprotocol", "connected", "subscribe-receipt", "send-receipt", "message", "binary-message",
            "raw-connected", "raw-subscribe-receipt", "split-frame", "raw-message", "error-frame", "closed-after-error", "non-stomp-refused", "disconnect",
        ];
        Assert.Subset(checks, expected.ToHashSet());

        // Every client has gone: the disconnected events (sent after each close) clean up their subscriptions.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        IReadOnlyList<Broker.Ports.StompMember> members;
        do
        {
            members = (await _stack.Store.ReadDestinationAsync("/topic/chat", CancellationToken.None)).Members;
            if (members.Count == 0)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Empty(members);
    }

    [Fact]
    public async Task STOMP_S20_an_anonymous_client_authenticates_with_login_and_passcode_in_the_connect_hook()
    {
        var run = await NodeRunner.RunAsync("stomp-anonymous.mjs", [_stack.AnonymousHubUrl], timeout: TimeSpan.FromSeconds(45));
        _output.WriteLine(run.ToString());

        Assert.True(run.ExitCode == 0, run.ToString());
        var result = JsonDocument.Parse(run.StandardOutput).RootElement;
        Assert.False(result.TryGetProperty("error", out _), run.StandardOutput);
        var good = result.GetProperty("good");
        var bad = result.GetProperty("bad");
        Assert.True(good.GetProperty("connected").GetBoolean(), run.StandardOutput);
        Assert.Equal("ann", good.GetProperty("user").GetString());
        Assert.False(bad.GetProperty("connected").GetBoolean(), run.StandardOutput);
        Assert.Equal("bad credentials", bad.GetProperty("error").GetString());
        Assert.True(bad.TryGetProperty("closed", out _), run.StandardOutput);
    }
}
