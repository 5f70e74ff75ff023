using System.Text.Json;
using StompFunctions.Functions.Tests.Infrastructure;
using StompFunctions.Hosting;
using StompFunctions.Tables.Tests.Azurite;
using StompFunctions.WebPubSub.Tests.Infrastructure;
using Xunit.Abstractions;

namespace StompFunctions.Functions.Tests.Triggers;

/// <summary>stompjs, the client the demo page uses, through the Functions app's triggers, the emulator and Azurite.</summary>
[Collection(FunctionsStackCollection.Name)]
public sealed class StompJsEndToEndTests(FunctionsStackFixture stack, ITestOutputHelper output)
{
    [Fact]
    public async Task STOMP_S65_S16_S53_stompjs_chats_through_the_demo_handler_and_receives_an_HTTP_publish()
    {
        // An absolute script path: the linked runner combines it with its own script folder, which keeps it as is.
        var script = Path.Combine(RepositoryRoot.Find(), "tests", "StompFunctions.Functions.Tests", "js", "functions-e2e.mjs");
        var api = new Uri(stack.Server.Address, StompAppRoutes.Prefix).AbsoluteUri;

        var run = await NodeRunner.RunAsync(script, [api], timeout: TimeSpan.FromSeconds(60));

        output.WriteLine(run.ToString());
        Assert.True(run.ExitCode == 0, run.ToString());
        var result = JsonDocument.Parse(run.StandardOutput).RootElement;
        Assert.True(result.GetProperty("failures").GetArrayLength() == 0, run.StandardOutput);
        Assert.Equal(
            ["chat-handler", "connected", "publish-accepted", "publish-delivered", "subscribe-receipt"],
            result.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order());
    }
}
