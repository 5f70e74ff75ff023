using System.Security.Cryptography;
using System.Text;
using StompFunctions.Emulator.Tests.Infrastructure;
using StompFunctions.Emulator.Upstream;

namespace StompFunctions.Emulator.Tests;

/// <summary>Upstream header values kept per connection or per endpoint follow the settings they were made from.</summary>
public sealed class UpstreamHeadersTests
{
    [Fact]
    public void The_signature_is_one_entry_per_configured_key_and_follows_a_changed_key()
    {
        var connectionId = "conn-" + Guid.NewGuid().ToString("N");

        var primaryOnly = EventSignature.Compute(connectionId, "key-1", null);
        var again = EventSignature.Compute(connectionId, "key-1", "");
        var both = EventSignature.Compute(connectionId, "key-1", "key-2");
        var rotated = EventSignature.Compute(connectionId, "key-2", null);

        Assert.Equal("sha256=" + Hmac("key-1", connectionId), primaryOnly);
        Assert.Equal(primaryOnly, again);
        Assert.Equal($"sha256={Hmac("key-1", connectionId)},sha256={Hmac("key-2", connectionId)}", both);
        Assert.Equal("sha256=" + Hmac("key-2", connectionId), rotated);
    }

    [Fact]
    public async Task Events_of_one_connection_carry_the_current_key_signature_and_origin()
    {
        await using var stack = await TestStack.StartAsync(systemEvents: "connect");
        using var socket = await stack.ConnectAsync();
        var connectionId = (await stack.Upstream.NextAsync("connect")).Header("ce-connectionId")!;

        await socket.SendTextAsync("before");
        var before = await stack.Upstream.NextAsync("message");
        stack.Emulator.Options.AccessKey = "rotated-key";
        stack.Emulator.Options.PublicEndpoint = new Uri("http://Emulator.Example:8080");
        await socket.SendTextAsync("after");
        var after = await stack.Upstream.NextAsync("message");

        Assert.Equal("sha256=" + Hmac(WebPubSubEmulatorOptions.DevelopmentAccessKey, connectionId), before.Header("ce-signature"));
        Assert.Equal(stack.Emulator.Endpoint.Authority, before.Header("WebHook-Request-Origin"));
        Assert.Equal("sha256=" + Hmac("rotated-key", connectionId), after.Header("ce-signature"));
        Assert.Equal("emulator.example:8080", after.Header("WebHook-Request-Origin"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", after.Header("ce-time"));
        Assert.Equal("/hubs/chat/client/" + connectionId, after.Header("ce-source"));
    }

    private static string Hmac(string key, string data) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(data)));
}
