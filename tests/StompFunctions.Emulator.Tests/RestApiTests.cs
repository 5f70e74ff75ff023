using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using StompFunctions.Emulator.Tests.Infrastructure;

namespace StompFunctions.Emulator.Tests;

/// <summary>The data-plane REST API: authentication, api-version and validation with the service's error body (operations: <see cref="RestOperationsTests"/>).</summary>
public sealed class RestApiTests
{
    private const string Version = "?api-version=2024-01-01";

    [Fact]
    public async Task Health_answers_200_without_authentication()
    {
        await using var stack = await TestStack.StartAsync();

        using var head = await stack.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "api/health"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Fact]
    public async Task A_call_without_token_gets_401_with_the_error_body_and_code_header()
    {
        await using var stack = await TestStack.StartAsync();

        using var response = await stack.Http.PostAsync("api/hubs/chat/:send" + Version, new StringContent("x", Encoding.UTF8, "text/plain"));

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("wrong-key", 5, true)]
    [InlineData(WebPubSubEmulatorOptions.DevelopmentAccessKey, -10, true)]
    [InlineData(WebPubSubEmulatorOptions.DevelopmentAccessKey, 5, false)]
    public async Task A_token_with_bad_key_expired_or_for_another_url_gets_401(string key, int minutes, bool rightAudience)
    {
        await using var stack = await TestStack.StartAsync();
        var url = new Uri(stack.Emulator.Endpoint, "api/hubs/chat/:send" + Version).AbsoluteUri;
        var token = TestTokens.Rest(rightAudience ? url : url.Replace("chat", "other", StringComparison.Ordinal), key, TimeSpan.FromMinutes(minutes));

        using var response = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/:send" + Version, Text("x"), token);

        await AssertErrorAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_whose_audience_is_the_url_without_query_is_accepted()
    {
        await using var stack = await TestStack.StartAsync();
        var token = TestTokens.Rest(new Uri(stack.Emulator.Endpoint, "api/hubs/chat/:send").AbsoluteUri);

        using var response = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/:send" + Version, Text("x"), token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("api/hubs/chat/:send")]
    [InlineData("api/hubs/chat/:send?api-version=1999-01-01")]
    public async Task A_missing_or_unknown_api_version_gets_400(string path)
    {
        await using var stack = await TestStack.StartAsync();

        using var response = await stack.SendAsync(HttpMethod.Post, path, Text("x"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_hub_gets_404_and_an_unknown_path_404_and_a_wrong_method_405()
    {
        await using var stack = await TestStack.StartAsync();

        using var hub = await stack.SendAsync(HttpMethod.Post, "api/hubs/nohub/:send" + Version, Text("x"));
        using var path = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/:nothing" + Version, Text("x"));
        using var method = await stack.SendAsync(HttpMethod.Get, "api/hubs/chat/:send" + Version);

        await AssertErrorAsync(hub, HttpStatusCode.NotFound);
        await AssertErrorAsync(path, HttpStatusCode.NotFound);
        await AssertErrorAsync(method, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Malformed_json_in_addToGroups_gets_400()
    {
        await using var stack = await TestStack.StartAsync();

        using var response = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/:addToGroups" + Version, new StringContent("{not json", Encoding.UTF8, "application/json"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_message_over_1_MB_gets_413_and_nothing_is_delivered()
    {
        await using var stack = await TestStack.StartAsync();
        using var socket = await stack.ConnectAsync();

        using var big = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/:send" + Version, new ByteArrayContent(new byte[(1024 * 1024) + 1]) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } });
        using var marker = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/:send" + Version, Text("marker"));

        await AssertErrorAsync(big, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("marker", await socket.ReceiveTextAsync());
    }

    [Theory]
    [InlineData("groups/%20%20/:send", "POST")]
    [InlineData("groups/%20/connections/abc", "PUT")]
    public async Task A_blank_group_name_gets_400(string path, string method)
    {
        await using var stack = await TestStack.StartAsync();

        using var response = await stack.SendAsync(new HttpMethod(method), "api/hubs/chat/" + path + Version, method == "POST" ? Text("x") : null);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_group_name_over_1024_characters_gets_400()
    {
        await using var stack = await TestStack.StartAsync();

        using var response = await stack.SendAsync(HttpMethod.Post, $"api/hubs/chat/groups/{new string('g', 1025)}/:send" + Version, Text("x"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData(null)]
    public async Task A_send_with_an_unsupported_content_type_gets_400(string? contentType)
    {
        await using var stack = await TestStack.StartAsync();
        var content = new ByteArrayContent("x"u8.ToArray());
        if (contentType is not null)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        using var response = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/:send" + Version, content);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("userId eq")]
    [InlineData("nosuch eq 'a'")]
    [InlineData("userId eq 'unterminated")]
    public async Task An_invalid_filter_gets_400(string filter)
    {
        await using var stack = await TestStack.StartAsync();

        using var response = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/:send" + Version + "&filter=" + Uri.EscapeDataString(filter), Text("x"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MessageTtlSeconds_over_300_gets_400()
    {
        await using var stack = await TestStack.StartAsync();

        using var response = await stack.SendAsync(HttpMethod.Post, "api/hubs/chat/:send" + Version + "&messageTtlSeconds=301", Text("x"));

        await AssertErrorAsync(response, HttpStatusCode.BadRequest);
    }

    internal static StringContent Text(string text) => new(text, Encoding.UTF8, "text/plain");

    internal static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.True(response.Headers.Contains("x-ms-error-code"), "the x-ms-error-code header is missing");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("code").GetString()));
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("message").GetString()));
    }
}
