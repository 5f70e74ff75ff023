namespace StompFunctions.Broker.Tests.Ports;

public sealed class StompGroupNamesTests
{
    [Fact]
    public void Each_destination_subscription_and_ack_mode_triple_gets_its_own_group()
    {
        var names = new[]
        {
            StompGroupNames.For("/topic/a", "sub-0", StompAckMode.Auto),
            StompGroupNames.For("/topic/a", "sub-1", StompAckMode.Auto),
            StompGroupNames.For("/topic/a", "sub-0", StompAckMode.Client),
            StompGroupNames.For("/topic/a", "sub-0", StompAckMode.ClientIndividual),
            StompGroupNames.For("/topic/b", "sub-0", StompAckMode.Auto),
            StompGroupNames.For("/topic/a\0sub-0", "", StompAckMode.Auto),
        };

        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("a\0b", "c", "a", "b\0c")]
    [InlineData("a\0", "\0b", "a\0\0", "b")]
    [InlineData("a\u0001\u0002", "b", "a\0", "b")]
    [InlineData("a\0auto\0x", "y", "a", "auto\0x\0y")]
    public void A_NUL_inside_a_destination_or_subscription_id_never_makes_two_subscriptions_share_a_group(string destination1, string id1, string destination2, string id2)
    {
        Assert.NotEqual(StompGroupNames.For(destination1, id1, StompAckMode.Auto), StompGroupNames.For(destination2, id2, StompAckMode.Auto));
    }

    [Fact]
    public void Ordinary_triples_keep_the_group_they_had_so_existing_subscriptions_still_receive()
    {
        // Before NUL-escaping: SHA-256 of "destination NUL id NUL ack-mode", first 16 bytes in hex.
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("/topic/chat\0sub-0\0client"));

        Assert.Equal("stomp..topic.chat." + Convert.ToHexStringLower(hash[..16]), StompGroupNames.For("/topic/chat", "sub-0", StompAckMode.Client));
    }

    [Fact]
    public void Group_names_are_stable_readable_and_use_only_safe_characters()
    {
        var name = StompGroupNames.For("/topic/chat/room #1?" + new string('x', 2000), "sub-0", StompAckMode.Auto);

        Assert.Equal(name, StompGroupNames.For("/topic/chat/room #1?" + new string('x', 2000), "sub-0", StompAckMode.Auto));
        Assert.StartsWith("stomp..topic.chat.room..1.", name, StringComparison.Ordinal);
        Assert.InRange(name.Length, 1, 1024);
        Assert.All(name, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_', $"unsafe character {c}"));
    }
}
