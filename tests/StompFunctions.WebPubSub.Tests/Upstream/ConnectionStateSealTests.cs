using StompFunctions.WebPubSub.Upstream;

namespace StompFunctions.WebPubSub.Tests.Upstream;

public sealed class ConnectionStateSealTests
{
    private const string State = "eyJmIjoxLCJ2IjoxMiwidSI6ImFsaWNlIn0=";

    [Fact]
    public void A_sealed_state_opens_for_its_connection_only()
    {
        var seal = new ConnectionStateSeal(["primary", "secondary"]);
        var sealedState = seal.Seal("c1", State);

        Assert.True(seal.TryOpen("c1", sealedState, out var opened));
        Assert.Equal(State, opened);
        Assert.False(seal.TryOpen("c2", sealedState, out _));
    }

    [Fact]
    public void During_key_rotation_a_state_sealed_under_either_key_opens()
    {
        var beforeRotation = new ConnectionStateSeal(["old", "new"]).Seal("c1", State);
        var afterRotation = new ConnectionStateSeal(["new", "old"]);

        Assert.True(afterRotation.TryOpen("c1", beforeRotation, out var opened));
        Assert.Equal(State, opened);
        Assert.False(new ConnectionStateSeal(["other"]).TryOpen("c1", beforeRotation, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("eyJmIjoxfQ==")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA.eyJmIjoxfQ==")]
    [InlineData("not base64 url at all!.x")]
    public void A_state_the_server_did_not_seal_is_refused(string presented)
    {
        Assert.False(new ConnectionStateSeal(["primary"]).TryOpen("c1", presented, out _));
    }

    [Fact]
    public void Changing_any_character_of_a_sealed_state_breaks_it()
    {
        var seal = new ConnectionStateSeal(["primary"]);
        var sealedState = seal.Seal("c1", State);

        for (var i = 0; i < sealedState.Length; i++)
        {
            if (sealedState[i] == '.')
            {
                continue;
            }

            var tampered = sealedState[..i] + (sealedState[i] == 'A' ? 'B' : 'A') + sealedState[(i + 1)..];
            Assert.False(seal.TryOpen("c1", tampered, out _), $"position {i}");
        }
    }

    [Fact]
    public void Without_any_key_the_seal_is_inactive()
    {
        Assert.False(new ConnectionStateSeal([]).IsActive);
        Assert.True(new ConnectionStateSeal(["k"]).IsActive);
    }
}
