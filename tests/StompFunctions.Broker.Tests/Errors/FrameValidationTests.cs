using StompFunctions.Broker.Tests.Support;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Tests.Errors;

/// <summary>Frames are checked once, by the protocol's validator, before middleware and handlers; the ERROR names the command and header.</summary>
public sealed class FrameValidationTests
{
    [Theory]
    [InlineData("1.2", "SEND\n\nx\0", "missing destination", "SEND requires a destination header.")]
    [InlineData("1.2", "SUBSCRIBE\nid:s\n\n\0", "missing destination", "SUBSCRIBE requires a destination header.")]
    [InlineData("1.2", "SUBSCRIBE\ndestination:/topic/a\n\n\0", "missing id", "SUBSCRIBE requires an id header.")]
    [InlineData("1.2", "SUBSCRIBE\nid:s\ndestination:/topic/a\nack:sometimes\n\n\0", "invalid ack mode", "ack must be auto, client or client-individual (1.0: auto or client).")]
    [InlineData("1.0", "SUBSCRIBE\ndestination:/topic/a\nack:client-individual\n\n\0", "invalid ack mode", "ack must be auto, client or client-individual (1.0: auto or client).")]
    [InlineData("1.2", "UNSUBSCRIBE\ndestination:/topic/a\n\n\0", "missing id", "UNSUBSCRIBE requires an id header.")]
    [InlineData("1.0", "UNSUBSCRIBE\n\n\0", "missing id", "UNSUBSCRIBE requires an id header.")]
    [InlineData("1.2", "ACK\nmessage-id:m\n\n\0", "missing id", "ACK requires an id header (the MESSAGE's ack value).")]
    [InlineData("1.1", "NACK\nsubscription:s\n\n\0", "missing message-id", "NACK requires a message-id header in STOMP 1.1.")]
    [InlineData("1.1", "ACK\nmessage-id:m\n\n\0", "missing subscription", "ACK requires a subscription header in STOMP 1.1.")]
    [InlineData("1.0", "ACK\n\n\0", "missing message-id", "ACK requires a message-id header in STOMP 1.0.")]
    [InlineData("1.0", "NACK\nmessage-id:m\n\n\0", "unexpected command", "NACK does not exist in STOMP 1.0.")]
    [InlineData("1.2", "BEGIN\n\n\0", "missing transaction", "BEGIN requires a transaction header.")]
    [InlineData("1.2", "COMMIT\n\n\0", "missing transaction", "COMMIT requires a transaction header.")]
    [InlineData("1.2", "ABORT\n\n\0", "missing transaction", "ABORT requires a transaction header.")]
    public async Task STOMP_S34_S38_S40_S45_S63_an_invalid_frame_gets_the_ERROR_naming_its_command_and_header(string version, string frame, string message, string body)
    {
        var harness = new EngineHarness();
        var client = await harness.ConnectedClientAsync(acceptVersion: version);

        var error = Assert.Single(await client.ExchangeAsync(frame));

        Assert.Equal(StompCommand.Error, error.Command);
        Assert.Equal((message, body), (error["message"], error.BodyText));
        Assert.True(client.Last!.CloseAfterReply);
    }

    [Fact]
    public async Task STOMP_S22_a_CONNECT_with_a_malformed_heart_beat_is_refused()
    {
        var harness = new EngineHarness();

        var error = Assert.Single(await harness.Client().ExchangeAsync("CONNECT\naccept-version:1.2\nheart-beat:soon\n\n\0"));

        Assert.Equal(("invalid heart-beat header", "heart-beat must be two non-negative integers separated by a comma, e.g. 10000,10000."), (error["message"], error.BodyText));
    }

    [Fact]
    public async Task Middleware_sees_only_frames_that_passed_validation()
    {
        var seen = new List<StompCommand>();
        var harness = new EngineHarness(register: h => h.Use(async (c, next) =>
        {
            seen.Add(c.Command);
            await next(c);
        }));
        var client = await harness.ConnectedClientAsync();

        await client.ExchangeAsync("SEND\n\nx\0");

        Assert.Equal([StompCommand.Connect], seen);
    }
}
