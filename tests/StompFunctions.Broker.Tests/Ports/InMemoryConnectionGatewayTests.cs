using StompFunctions.Broker.Testing;
using StompFunctions.Broker.Ports;

namespace StompFunctions.Broker.Tests.Ports;

public sealed class InMemoryConnectionGatewayTests
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Group_sends_reach_members_only_and_are_recorded_in_order()
    {
        var gateway = new InMemoryConnectionGateway();
        var member = gateway.Connect("a");
        var outsider = gateway.Connect("b");

        await gateway.AddToGroupAsync("a", "g", Ct);
        await gateway.SendToGroupAsync("g", "hi"u8.ToArray(), PayloadKind.Text, Ct);

        Assert.Equal("hi"u8.ToArray(), Assert.Single(member.Received).Payload.ToArray());
        Assert.Empty(outsider.Received);
        Assert.Equal(
            [GatewayOperationKind.AddToGroup, GatewayOperationKind.SendToGroup],
            gateway.Operations.Select(o => o.Kind));
    }

    [Fact]
    public async Task Removed_members_receive_nothing()
    {
        var gateway = new InMemoryConnectionGateway();
        var connection = gateway.Connect("a");
        await gateway.AddToGroupAsync("a", "g", Ct);

        await gateway.RemoveFromGroupAsync("a", "g", Ct);
        await gateway.SendToGroupAsync("g", new byte[] { 1 }, PayloadKind.Binary, Ct);

        Assert.Empty(connection.Received);
        Assert.Empty(gateway.GetGroupMembers("g"));
    }

    [Fact]
    public async Task Sends_copy_the_payload_so_callers_may_reuse_their_buffer()
    {
        var gateway = new InMemoryConnectionGateway();
        var connection = gateway.Connect("a");
        var buffer = new byte[] { 1, 2 };

        await gateway.SendToConnectionAsync("a", buffer, PayloadKind.Binary, Ct);
        buffer[0] = 9;

        Assert.Equal(new byte[] { 1, 2 }, connection.Received[0].Payload.ToArray());
        Assert.Equal(PayloadKind.Binary, connection.Received[0].Kind);
    }

    [Fact]
    public async Task Close_records_the_reason_and_the_connection_stops_existing()
    {
        var gateway = new InMemoryConnectionGateway();
        var connection = gateway.Connect("a");
        await gateway.AddToGroupAsync("a", "g", Ct);

        await gateway.CloseConnectionAsync("a", "bye", Ct);

        Assert.True(connection.IsClosed);
        Assert.Equal("bye", connection.CloseReason);
        Assert.False(await gateway.ConnectionExistsAsync("a", Ct));
        Assert.Empty(gateway.GetGroupMembers("g"));
    }
}
