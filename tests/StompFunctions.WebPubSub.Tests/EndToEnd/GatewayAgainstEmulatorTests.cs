using Azure;
using Microsoft.Extensions.DependencyInjection;
using StompFunctions.Broker.Ports;

namespace StompFunctions.WebPubSub.Tests.EndToEnd;

/// <summary>The REST gateway's requests against the emulator's REST surface (which Microsoft's SDK checks in the emulator's suite).</summary>
[Collection(StompStackCollection.Name)]
public sealed class GatewayAgainstEmulatorTests
{
    private readonly StompStackFixture _stack;

    public GatewayAgainstEmulatorTests(StompStackFixture stack) => _stack = stack;

    private IConnectionGateway Gateway => _stack.Services.GetRequiredService<IConnectionGateway>();

    [Fact]
    public async Task Sends_to_absent_groups_and_connections_succeed_as_fire_and_forget()
    {
        await Gateway.SendToGroupAsync("stomp.none.0123", "x"u8.ToArray(), PayloadKind.Text, CancellationToken.None);
        await Gateway.SendToConnectionAsync("absent", new byte[] { 0, 255 }, PayloadKind.Binary, CancellationToken.None);
    }

    [Fact]
    public async Task Closing_or_leaving_for_an_absent_connection_or_an_empty_group_succeeds_and_exists_says_false()
    {
        await Gateway.RemoveFromGroupAsync("absent", "stomp.none.0123", CancellationToken.None);
        await Gateway.CloseConnectionAsync("absent", "test", CancellationToken.None);
        await Gateway.CloseGroupAsync("stomp.~store.0123", "test", CancellationToken.None);

        Assert.False(await Gateway.ConnectionExistsAsync("absent", CancellationToken.None));
    }

    [Fact]
    public async Task The_rest_client_is_refused_by_the_emulator_with_a_wrong_key()
    {
        var client = new WebPubSubRestClient(_stack.Emulator.Endpoint, StompStackFixture.Hub, new AzureKeyCredential("wrong-key"));

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => client.SendToAllAsync("x"u8.ToArray(), WebPubSubContentTypes.Text));

        Assert.Equal(401, failure.Status);
    }
}
