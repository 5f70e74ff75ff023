using StompFunctions.WebPubSub.Upstream;

namespace StompFunctions.WebPubSub.Tests.Upstream;

public sealed class SubprotocolSelectorTests
{
    [Theory]
    [InlineData("v12.stomp", "v10.stomp", "v11.stomp", "v12.stomp")]
    [InlineData("v10.stomp", "v11.stomp", "v12.stomp", "v12.stomp")]
    [InlineData("json.webpubsub.azure.v1", "v11.stomp", "v10.stomp", "v11.stomp")]
    public void STOMP_S65_the_highest_offered_stomp_subprotocol_is_selected_regardless_of_order(string a, string b, string c, string expected)
    {
        var choice = SubprotocolSelector.Select([a, b, c]);

        Assert.True(choice.Accepted);
        Assert.Equal(expected, choice.Subprotocol);
    }

    [Fact]
    public void A_client_offering_no_subprotocol_is_accepted_as_stomp_without_one()
    {
        var choice = SubprotocolSelector.Select([]);

        Assert.True(choice.Accepted);
        Assert.Null(choice.Subprotocol);
    }

    [Fact]
    public void A_client_offering_only_non_stomp_subprotocols_is_refused()
    {
        Assert.False(SubprotocolSelector.Select(["json.webpubsub.azure.v1", "mqtt"]).Accepted);
    }

    [Theory]
    [InlineData("V12.stomp")]
    [InlineData("v.stomp")]
    [InlineData("v1x.stomp")]
    [InlineData("v12.STOMP")]
    public void Names_not_shaped_like_vNN_stomp_are_not_stomp(string name)
    {
        Assert.False(SubprotocolSelector.TryGetStompVersion(name, out _));
    }
}
