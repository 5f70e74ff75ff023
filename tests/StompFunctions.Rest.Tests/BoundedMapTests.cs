namespace StompFunctions.Rest.Tests;

/// <summary>Values made once per name, within bounds on how many names and how long a name.</summary>
public sealed class BoundedMapTests
{
    [Fact]
    public void A_value_is_made_once_per_name()
    {
        var made = 0;
        var map = new BoundedMap<string>(name => name + ++made);

        Assert.Equal("a1", map.Get("a"));
        Assert.Equal("a1", map.Get("a"));
        Assert.Equal("b2", map.Get("b"));
        Assert.Equal(2, made);
    }

    [Fact]
    public void Past_its_capacity_it_starts_over_and_long_names_are_never_kept()
    {
        var made = 0;
        var map = new BoundedMap<int>(_ => ++made);
        for (var i = 0; i < BoundedMap<int>.Capacity; i++)
        {
            map.Get("n" + i);
        }

        map.Get("one more");
        var longName = new string('x', BoundedMap<int>.DefaultMaxNameLength + 1);
        map.Get(longName);
        map.Get(longName);

        Assert.Equal(1, map.Count);
        Assert.Equal(BoundedMap<int>.Capacity + 3, made);
    }

    [Fact]
    public void A_map_given_a_shorter_bound_does_not_keep_names_past_it()
    {
        var made = 0;
        var map = new BoundedMap<int>(_ => ++made, maxNameLength: 4);

        map.Get("abcd");
        map.Get("abcd");
        map.Get("abcde");
        map.Get("abcde");

        Assert.Equal(4, map.MaxNameLength);
        Assert.Equal(1, map.Count);
        Assert.Equal(3, made);
    }
}
