using System.Net.WebSockets;
using StompFunctions.Emulator.Connections;
using StompFunctions.Emulator.Filters;

namespace StompFunctions.Emulator.Tests;

/// <summary>The OData filter subset of the data-plane API, evaluated against a connection.</summary>
public sealed class ConnectionFilterTests
{
    private static readonly ClientConnection Alice = CreateConnection("conn1", "Alice", ["g1", "g2"]);

    [Theory]
    [InlineData("userId eq 'Alice'", true)]
    [InlineData("userId ne 'Alice'", false)]
    [InlineData("tolower(userId) eq 'alice'", true)]
    [InlineData("userId eq 'alice'", false)]
    [InlineData("'g1' in groups", true)]
    [InlineData("not ('g3' in groups)", true)]
    [InlineData("userId eq 'Alice' and not ('g1' in groups)", false)]
    [InlineData("userId eq 'Bob' or connectionId eq 'conn1'", true)]
    [InlineData("userId in ('Bob', 'Alice')", true)]
    [InlineData("startswith(userId, 'Al') and endswith(userId, 'ce') and contains(userId, 'lic')", true)]
    [InlineData("length(userId) eq 5 and indexof(userId, 'i') eq 2", true)]
    [InlineData("substring(userId, 1) eq 'lice' and substring(userId, 1, 2) eq 'li'", true)]
    [InlineData("concat(userId, '!') eq 'Alice!' and trim(' x ') eq 'x' and toupper(userId) eq 'ALICE'", true)]
    [InlineData("userId gt 'Aaron' and userId lt 'Bob' and userId ge 'Alice' and userId le 'Alice'", true)]
    [InlineData("userId eq 'O''Brien'", false)]
    [InlineData("protocol eq null", true)]
    [InlineData("USERID eq 'Alice' AND 'g2' IN groups", true)]
    public void Filter_matches_as_the_service_documents(string filter, bool expected)
    {
        Assert.Equal(expected, ConnectionFilter.Parse(filter).Matches(Alice));
    }

    [Theory]
    [InlineData("")]
    [InlineData("userId eq")]
    [InlineData("userId eq 'a' and")]
    [InlineData("(userId eq 'a'")]
    [InlineData("unknown eq 'a'")]
    [InlineData("nosuchfunction(userId)")]
    [InlineData("length(userId, 'x') eq 1")]
    [InlineData("userId eq 'a' $")]
    public void Invalid_filters_are_rejected_with_a_message(string filter)
    {
        var error = Assert.Throws<FilterSyntaxException>(() => ConnectionFilter.Parse(filter));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Deeply_nested_filters_are_rejected_instead_of_overflowing_the_stack()
    {
        var filter = new string('(', 10_000) + "userId eq 'a'" + new string(')', 10_000);

        Assert.Throws<FilterSyntaxException>(() => ConnectionFilter.Parse(filter));
    }

    private static ClientConnection CreateConnection(string id, string userId, string[] groups)
    {
        var connection = new ClientConnection("chat", id, userId, [], null, null, WebSocket.CreateFromStream(new MemoryStream(), new WebSocketCreationOptions()), 10);
        foreach (var group in groups)
        {
            connection.Groups[group] = 0;
        }

        return connection;
    }
}
