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
