using System.Net;
using StompFunctions.Emulator.Tests.Infrastructure;

namespace StompFunctions.Emulator.Tests;

/// <summary>Routing data-plane calls over the raw path and reading their query and content type, through HTTP.</summary>
public sealed class RestRoutingTests
{
    private const string Version = "?api-version=2024-01-01";

    [Theory]
    [InlineData("POST", "api/hubs/chat")]
    [InlineData("POST", "api/hubs/chat/")]
    [InlineData("POST", "api/hubs/chat//:send")]
    [InlineData("POST", "api/hubs/chat/groups/room/:send/")]
    [InlineData("PUT", "api/hubs/chat/groups/room/connections/c1/extra")]
    [InlineData("HEAD", "api/hubs/chat/groups%2Froom")]
    public async Task A_malformed_path_gets_404_no_such_operation(string method, string path)
    {
        await using var stack = await TestStack.StartAsync();

        using var response = await stack.SendAsync(new HttpMethod(method), path + Version, method == "POST" ? RestApiTests.Text("x") : null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        if (method != "HEAD")
        {
            Assert.Contains("No data-plane operation", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Escaped_literals_and_slashes_in_names_route_as_before()
    {
        await using var stack = await TestStack.StartAsync();

        using var escapedLiteral = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/%3Asend" + Version, RestApiTests.Text("x"));
        using var slashInName = await stack.SendAsync(HttpMethod.Delete, "api/hubs/chat/groups/a%2Fb/connections/c1" + Version);
        using var repeatedVersion = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/:send" + Version + "&api-version=2024-01-01", RestApiTests.Text("x"));

        Assert.Equal(HttpStatusCode.Accepted, escapedLiteral.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, slashInName.StatusCode);
        await RestApiTests.AssertErrorAsync(repeatedVersion, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("TEXT/PLAIN")]
    [InlineData("application/octet-stream")]
    [InlineData("Application/Json; charset=utf-8")]
    [InlineData("text/plain;charset=UTF-8")]
    public async Task A_send_accepts_the_allowed_content_types_in_any_case_with_parameters(string contentType)
    {
        await using var stack = await TestStack.StartAsync();
        var content = new ByteArrayContent("x"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/:send" + Version, content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
