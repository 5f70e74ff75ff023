using System.Text;
using System.Text.Json;
using System.Web;
using StompFunctions.WebPubSub.Tests.Infrastructure;

namespace StompFunctions.WebPubSub.Tests;

public sealed class ClientAccessUriTests
{
    private const string Key = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH";

    [Theory]
    [InlineData("https://demo.webpubsub.azure.com", "wss://demo.webpubsub.azure.com/client/hubs/stomp")]
    [InlineData("http://127.0.0.1:8080", "ws://127.0.0.1:8080/client/hubs/stomp")]
    public async Task Client_url_uses_the_websocket_scheme_and_the_hub_path(string endpoint, string expectedBase)
    {
        var client = new WebPubSubRestClient($"Endpoint={endpoint};AccessKey={Key};Version=1.0;", "stomp");

        var uri = await client.GetClientAccessUriAsync("alice");

        Assert.StartsWith(expectedBase + "?access_token=", uri.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Client_url_and_token_match_the_official_javascript_sdk()
    {
        const string ConnectionString = "Endpoint=https://demo.webpubsub.azure.com;AccessKey=" + Key + ";Version=1.0;";
        var client = new WebPubSubRestClient(ConnectionString, "chat");

        var ours = await client.GetClientAccessUriAsync("alice", ["webpubsub.joinLeaveGroup"], ["lobby"], TimeSpan.FromMinutes(30));
        var sdk = await NodeRunner.RunAsync("sdk-client-token.mjs", [ConnectionString, "chat", "alice", "webpubsub.joinLeaveGroup", "lobby", "30"]);

        Assert.True(sdk.ExitCode == 0, sdk.ToString());
        var theirs = JsonDocument.Parse(sdk.StandardOutput).RootElement;
        var ourToken = HttpUtility.ParseQueryString(ours.Query)["access_token"]!;
        var ourPayload = Jwt.Payload(ourToken);
        var theirPayload = theirs.GetProperty("payload");

        Assert.Equal(theirs.GetProperty("baseUrl").GetString(), ours.GetLeftPart(UriPartial.Path));
        Assert.Equal(theirs.GetProperty("header").GetProperty("alg").GetString(), Jwt.Header(ourToken).GetProperty("alg").GetString());
        foreach (var claim in new[] { "aud", "sub" })
        {
            Assert.Equal(theirPayload.GetProperty(claim).GetString(), ourPayload.GetProperty(claim).GetString());
        }

        foreach (var claim in new[] { "role", "webpubsub.group" })
        {
            Assert.Equal(theirPayload.GetProperty(claim).GetRawText(), ourPayload.GetProperty(claim).GetRawText());
        }

        var theirLifetime = theirPayload.GetProperty("exp").GetInt64() - theirPayload.GetProperty("iat").GetInt64();
        Assert.Equal(theirLifetime, ourPayload.GetProperty("exp").GetInt64() - ourPayload.GetProperty("iat").GetInt64());
        Assert.True(Jwt.HasValidSignature(ourToken, Encoding.UTF8.GetBytes(Key)));
    }

    [Fact]
    public async Task A_non_positive_lifetime_is_refused()
    {
        var client = new WebPubSubRestClient($"Endpoint=https://a.webpubsub.azure.com;AccessKey={Key};", "stomp");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetClientAccessUriAsync(lifetime: TimeSpan.Zero));
    }
}
