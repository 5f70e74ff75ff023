using StompFunctions.Tables.Keys;

namespace StompFunctions.Tables.Tests.Keys;

public sealed class TableKeysTests
{
    [Fact]
    public void A_name_that_fits_is_its_reversible_encoding()
    {
        var key = TableKeys.DestinationPartition("/topic/a");

        Assert.Equal("!2Ftopic!2Fa", key);
        Assert.False(TableKeys.IsHashed(key));
    }

    [Fact]
    public void A_name_too_long_for_a_key_is_hashed_within_the_limit_and_deterministically()
    {
        var name = "/topic/" + new string('x', 2000);

        var key = TableKeys.DestinationPartition(name);

        Assert.True(TableKeys.IsHashed(key));
        Assert.True(key.Length <= TableKeyEncoding.MaxKeyLength);
        Assert.Equal(key, TableKeys.DestinationPartition(name));
        Assert.All(key, c => Assert.False(c is '/' or '\\' or '#' or '?' || char.IsControl(c)));
    }

    [Fact]
    public void Long_names_differing_only_after_the_readable_prefix_get_distinct_keys()
    {
        var prefix = new string('p', 1000);

        Assert.NotEqual(TableKeys.DestinationPartition(prefix + "a"), TableKeys.DestinationPartition(prefix + "b"));
    }

    [Fact]
    public void Names_with_different_lone_surrogates_get_distinct_keys()
    {
        Assert.NotEqual(TableKeys.DestinationPartition("a\uD800"), TableKeys.DestinationPartition("a\uD801"));
    }

    [Fact]
    public void Member_row_keys_of_different_group_and_connection_pairs_never_collide()
    {
        // The separator is escaped inside parts, so "a|b" + "c" and "a" + "b|c" differ.
        Assert.NotEqual(TableKeys.MemberRow("a|b", "c"), TableKeys.MemberRow("a", "b|c"));
        Assert.StartsWith(TableKeys.MemberPrefix, TableKeys.MemberRow("g", "c"), StringComparison.Ordinal);
        Assert.True(TableKeys.MemberRow(new string('g', 900), new string('c', 900)).Length <= TableKeyEncoding.MaxKeyLength);
    }

    [Fact]
    public void Route_row_keys_sort_inside_the_route_range_and_member_keys_outside_it()
    {
        var route = TableKeys.RouteRow("stomp.topic.a.0123");
        var member = TableKeys.MemberRow("stomp.topic.a.0123", "conn");

        Assert.True(string.CompareOrdinal(route, TableKeys.RoutePrefix) >= 0 && string.CompareOrdinal(route, TableKeys.RouteRangeEnd) < 0);
        Assert.False(string.CompareOrdinal(member, TableKeys.RoutePrefix) >= 0 && string.CompareOrdinal(member, TableKeys.RouteRangeEnd) < 0);
    }
}
