using StompFunctions.Broker.Errors;

namespace StompFunctions.Broker.Tests.Errors;

public sealed class EngineFailureTests
{
    // These reasons carry texts of their own (the codec's, a hook's, the version list); all others come from the table.
    private static readonly EngineError[] OwnTexts =
        [EngineError.None, EngineError.UnparsableFrame, EngineError.UnsupportedVersion, EngineError.ConnectRejected, EngineError.Rejected];

    [Fact]
    public void Every_reason_of_the_table_has_a_message_header_and_a_body()
    {
        foreach (var error in Enum.GetValues<EngineError>().Except(OwnTexts))
        {
            var failure = EngineFailure.For(error, "X", "Y");

            Assert.Equal(error, failure.Error);
            Assert.False(string.IsNullOrWhiteSpace(failure.Message), error.ToString());
            Assert.False(string.IsNullOrWhiteSpace(failure.Details), error.ToString());
            Assert.DoesNotContain('\n', failure.Message);
        }
    }

    [Fact]
    public void A_reason_with_texts_of_its_own_is_not_in_the_table()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EngineFailure.For(EngineError.Rejected));
    }

    [Fact]
    public void Hook_and_version_refusals_keep_the_texts_clients_see()
    {
        Assert.Equal(("bad credentials", "The connection was refused: bad credentials."), Texts(EngineFailure.ConnectRejected("bad credentials")));
        Assert.Equal(("forbidden", null), Texts(EngineFailure.Rejected("forbidden", null)));
        var version = EngineFailure.UnsupportedVersion("1.1,1.2");
        Assert.Equal(("unsupported protocol version", "Supported protocol versions are 1.1 1.2", "1.1,1.2"), (version.Message, version.Details, version.VersionList));
    }

    private static (string, string?) Texts(EngineFailure failure) => (failure.Message, failure.Details);
}
