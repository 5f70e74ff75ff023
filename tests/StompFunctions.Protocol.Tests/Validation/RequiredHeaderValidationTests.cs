using StompFunctions.Protocol.Tests.Support;

namespace StompFunctions.Protocol.Tests.Validation;

public class RequiredHeaderValidationTests
{
    private static StompParseFailure Validate(string text, StompVersion version, bool requireHost = false)
    {
        var status = new StompFrameReader(version).TryRead(Wire.Bytes(text), out var frame, out var parse, out _);
        Assert.True(status == System.Buffers.OperationStatus.Done, parse.ToString());
        StompFrameValidator.TryValidate(frame, version, out var failure, requireHost);
        return failure;
    }

    [Theory]
    [InlineData(StompVersion.V1_0)]
    [InlineData(StompVersion.V1_1)]
    [InlineData(StompVersion.V1_2)]
    public void STOMP_S34_SendWithoutDestinationIsRejected(StompVersion version)
    {
        var failure = Validate("SEND\n\nx^@", version);

        Assert.Equal(StompParseError.MissingRequiredHeader, failure.Error);
        Assert.Contains("destination", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StompVersion.V1_1)]
    [InlineData(StompVersion.V1_2)]
    public void STOMP_S38_SubscribeRequiresDestinationAndId(StompVersion version)
    {
        Assert.Equal(StompParseError.MissingRequiredHeader, Validate("SUBSCRIBE\ndestination:/a\n\n^@", version).Error);
        Assert.Equal(StompParseError.MissingRequiredHeader, Validate("SUBSCRIBE\nid:0\n\n^@", version).Error);
        Assert.Equal(StompParseError.None, Validate("SUBSCRIBE\nid:0\ndestination:/a\n\n^@", version).Error);
    }

    [Fact]
    public void STOMP_S63_Version10AcceptsSubscribeWithoutIdAndUnsubscribeByDestination()
    {
        Assert.Equal(StompParseError.None, Validate("SUBSCRIBE\ndestination:/a\n\n^@", StompVersion.V1_0).Error);
        Assert.Equal(StompParseError.None, Validate("UNSUBSCRIBE\ndestination:/a\n\n^@", StompVersion.V1_0).Error);
        Assert.Equal(StompParseError.MissingRequiredHeader, Validate("UNSUBSCRIBE\n\n^@", StompVersion.V1_0).Error);
        Assert.Equal(StompParseError.MissingRequiredHeader, Validate("UNSUBSCRIBE\ndestination:/a\n\n^@", StompVersion.V1_2).Error);
    }

    [Fact]
    public void STOMP_S63_NackDoesNotExistInVersion10()
    {
        Assert.Equal(StompParseError.CommandNotInVersion, Validate("NACK\nmessage-id:1\n\n^@", StompVersion.V1_0).Error);
    }

    [Theory]
    [InlineData(StompVersion.V1_2, "ACK\nid:a-1\n\n^@", StompParseError.None)]
    [InlineData(StompVersion.V1_2, "ACK\nmessage-id:1\nsubscription:s\n\n^@", StompParseError.MissingRequiredHeader)]
    [InlineData(StompVersion.V1_1, "NACK\nmessage-id:1\nsubscription:s\n\n^@", StompParseError.None)]
    [InlineData(StompVersion.V1_1, "ACK\nid:a-1\n\n^@", StompParseError.MissingRequiredHeader)]
    [InlineData(StompVersion.V1_0, "ACK\nmessage-id:1\n\n^@", StompParseError.None)]
    public void STOMP_S45_AckAndNackIdentifyTheMessagePerVersion(StompVersion version, string text, StompParseError expected)
    {
        Assert.Equal(expected, Validate(text, version).Error);
    }

    [Theory]
    [InlineData("BEGIN\n\n^@")]
    [InlineData("COMMIT\n\n^@")]
    [InlineData("ABORT\n\n^@")]
    public void STOMP_S48_TransactionFramesRequireTransaction(string text)
    {
        Assert.Equal(StompParseError.MissingRequiredHeader, Validate(text, StompVersion.V1_2).Error);
    }

    [Theory]
    [InlineData("bogus", StompVersion.V1_2, StompParseError.InvalidHeaderValue)]
    [InlineData("client-individual", StompVersion.V1_2, StompParseError.None)]
    [InlineData("client", StompVersion.V1_1, StompParseError.None)]
    [InlineData("auto", StompVersion.V1_0, StompParseError.None)]
    [InlineData("client-individual", StompVersion.V1_0, StompParseError.InvalidHeaderValue)]
    public void STOMP_S40_SubscribeAckModeMustBeOneTheVersionDefines(string ack, StompVersion version, StompParseError expected)
    {
        Assert.Equal(expected, Validate($"SUBSCRIBE\nid:0\ndestination:/a\nack:{ack}\n\n^@", version).Error);
    }

    [Fact]
    public void STOMP_S22_ConnectWithoutHostIsAcceptedByDefaultAndRejectedWhenRequired()
    {
        Assert.Equal(StompParseError.None, Validate("CONNECT\naccept-version:1.2\n\n^@", StompVersion.V1_2).Error);
        Assert.Equal(StompParseError.MissingRequiredHeader, Validate("CONNECT\naccept-version:1.2\n\n^@", StompVersion.V1_2, requireHost: true).Error);
        Assert.Equal(StompParseError.None, Validate("CONNECT\nlogin:a\n\n^@", StompVersion.V1_2, requireHost: true).Error);
    }

    [Fact]
    public void ConnectWithMalformedHeartBeatIsRejected()
    {
        Assert.Equal(StompParseError.InvalidHeaderValue, Validate("STOMP\naccept-version:1.2\nheart-beat:10s\n\n^@", StompVersion.V1_2).Error);
    }

    [Theory]
    [InlineData("MESSAGE\ndestination:/a\nmessage-id:1\n\n^@", StompVersion.V1_2, StompParseError.MissingRequiredHeader)]
    [InlineData("MESSAGE\ndestination:/a\nmessage-id:1\n\n^@", StompVersion.V1_0, StompParseError.None)]
    [InlineData("RECEIPT\n\n^@", StompVersion.V1_2, StompParseError.MissingRequiredHeader)]
    [InlineData("CONNECTED\n\n^@", StompVersion.V1_2, StompParseError.MissingRequiredHeader)]
    [InlineData("ERROR\n\n^@", StompVersion.V1_2, StompParseError.None)]
    [InlineData("DISCONNECT\n\n^@", StompVersion.V1_2, StompParseError.None)]
    public void STOMP_S23_STOMP_S53_STOMP_S56_ServerFramesCarryTheirRequiredHeaders(string text, StompVersion version, StompParseError expected)
    {
        Assert.Equal(expected, Validate(text, version).Error);
    }

    [Theory]
    [InlineData("SUBSCRIBE\nid:0\n\n^@", StompVersion.V1_2, "destination")]
    [InlineData("SUBSCRIBE\ndestination:/a\n\n^@", StompVersion.V1_2, "id")]
    [InlineData("SUBSCRIBE\nid:0\ndestination:/a\nack:bogus\n\n^@", StompVersion.V1_2, "ack")]
    [InlineData("ACK\nmessage-id:1\n\n^@", StompVersion.V1_1, "subscription")]
    [InlineData("UNSUBSCRIBE\n\n^@", StompVersion.V1_0, "id")]
    [InlineData("BEGIN\n\n^@", StompVersion.V1_2, "transaction")]
    [InlineData("CONNECT\nheart-beat:x\n\n^@", StompVersion.V1_2, "heart-beat")]
    [InlineData("NACK\nmessage-id:1\n\n^@", StompVersion.V1_0, null)]
    public void STOMP_S34_STOMP_S38_A_failure_names_the_header_it_concerns(string text, StompVersion version, string? header)
    {
        Assert.Equal(header, Validate(text, version).Header);
    }
}
