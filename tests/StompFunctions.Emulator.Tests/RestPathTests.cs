using Microsoft.AspNetCore.Http;
using StompFunctions.Emulator.Rest;
using StompFunctions.Emulator.Tests.Infrastructure;

namespace StompFunctions.Emulator.Tests;

/// <summary>Reading data-plane paths and query parameters in place, as the route table and the handlers see them.</summary>
public sealed class RestPathTests
{
    [Theory]
    [InlineData("/api/hubs/chat/:send", ":send")]
    [InlineData("/API/Hubs/chat/:send?api-version=2024-01-01&x=/a/b", ":send")]
    [InlineData("/api/hubs/chat/groups/room/connections/c1", "groups/{}/connections/{}")]
    [InlineData("/api/hubs/chat/groups/a%2Fb/:send", "groups/{}/:send")]
    [InlineData("/api/hubs/chat/%3Asend", ":send")]
    [InlineData("/api/hubs/chat/groups%2Froom", "groups/room")]
    [InlineData("/api/hubs/chat", "")]
    public void A_path_has_the_shape_of_its_operation(string target, string shape)
    {
        Assert.True(RestPath.TryRead(Context(target), out var path));
        Span<char> written = stackalloc char[64];

        Assert.True(path.TryWriteShape(written, out var length));
        Assert.Equal(shape, written[..length].ToString());
    }

    [Theory]
    [InlineData("/api/hubs/")]
    [InlineData("/api/hubs//:send")]
    [InlineData("/api/hubs/chat//:send")]
    [InlineData("/api/hubs/chat/groups/room/:send/")]
    [InlineData("/api/hubs/chat/groups/room/connections/c1/extra/more")]
    [InlineData("/api/other/chat/:send")]
    [InlineData("/api/hubs?x=/api/hubs/chat/:send")]
    public void A_malformed_path_names_no_operation(string target) =>
        Assert.False(RestPath.TryRead(Context(target), out _));

    [Fact]
    public void A_shape_longer_than_the_buffer_is_not_written()
    {
        Assert.True(RestPath.TryRead(Context("/api/hubs/chat/" + new string('x', 100)), out var path));

        Assert.False(path.TryWriteShape(stackalloc char[64], out _));
    }

    [Fact]
    public void Hub_and_names_are_decoded_each_on_its_own()
    {
        Assert.True(RestPath.TryRead(Context("/api/hubs/ch%61t/users/a%2Fb%20c/groups/g%3A1?api-version=2024-01-01"), out var path));

        Assert.Equal(5, path.Count);
        Assert.Equal(["chat", "users", "a/b c", "groups", "g:1"], Enumerable.Range(0, path.Count).Select(path.Decode));
    }

    [Fact]
    public void A_known_hub_spelled_without_escapes_is_reused_and_any_other_spelling_decoded()
    {
        var known = new string("chat".AsSpan());
        Assert.True(RestPath.TryRead(Context("/api/hubs/chat/:send"), out var plain));
        Assert.True(RestPath.TryRead(Context("/api/hubs/ch%61t/:send"), out var escaped));
        Assert.True(RestPath.TryRead(Context("/api/hubs/Chat/:send"), out var otherCase));

        Assert.Same(known, plain.Decode(0, known));
        Assert.Equal("chat", escaped.Decode(0, known));
        Assert.NotSame(known, escaped.Decode(0, known));
        Assert.Equal("Chat", otherCase.Decode(0, known));
    }

    [Theory]
    [InlineData("?excluded=a&Excluded=b&other=c&excluded=", "excluded")]
    [InlineData("?b=x+y&c=%41&%62=z&+b=w&b", "b")]
    [InlineData("?filter=userId%20eq%20%27a%27&&=&x", "filter")]
    [InlineData("", "excluded")]
    [InlineData("?", "x")]
    public void Query_values_are_those_of_the_query_collection(string query, string name)
    {
        var context = Context("/api/hubs/chat/:send" + query);
        var expected = context.Request.Query[name];

        Assert.Equal(expected.Select(static v => v!), RestQuery.All(context.Request.QueryString, name));
        Assert.Equal(expected.Count > 0 ? expected[0] : null, RestQuery.First(context.Request.QueryString, name));
        Assert.Equal(expected.Count == 1, RestQuery.TryGetSingle(context.Request.QueryString, name, out var single));
        Assert.Equal(expected.Count == 1 ? expected[0] : string.Empty, single.ToString());
    }

    private static DefaultHttpContext Context(string target) => RawTargetContext.For(target);
}
