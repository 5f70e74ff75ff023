using StompFunctions.Broker.Tests.Support;
using StompFunctions.Protocol;

namespace StompFunctions.Broker.Tests.Engine;

public sealed class ConnectTests
{
    [Fact]
    public async Task STOMP_S23_S24_S28_CONNECTED_carries_version_session_server_and_heart_beat()
    {
        var client = new EngineHarness().Client();

        var frames = await client.ExchangeAsync("CONNECT\naccept-version:1.2,1.1,1.0\nheart-beat:10000,10000\n\n\0");

        var connected = Assert.Single(frames);
        Assert.Equal(StompCommand.Connected, connected.Command);
        Assert.Equal("1.2", connected["version"]);
        Assert.Equal("0,0", connected["heart-beat"]);
        Assert.Equal("id-1", connected["session"]);
        Assert.Matches(@"^[^/\s]+(/\S+)?( .*)?$", connected["server"]);
        Assert.False(client.Last!.CloseAfterReply);
        Assert.True(client.Last.ConnectionStateChanged);
    }

    [Fact]
    public async Task STOMP_S09_CONNECTED_has_no_body()
    {
        var client = new EngineHarness().Client();

        var connected = Assert.Single(await client.ExchangeAsync("CONNECT\naccept-version:1.2\n\n\0"));

        Assert.Empty(connected.Body);
    }

    [Fact]
    public async Task STOMP_S21_STOMP_is_handled_exactly_like_CONNECT()
    {
        var client = new EngineHarness().Client();

        var frames = await client.ExchangeAsync("STOMP\naccept-version:1.2\nhost:example\n\n\0");

        Assert.Equal(StompCommand.Connected, Assert.Single(frames).Command);
    }

    [Fact]
    public async Task STOMP_S22_CONNECT_without_host_is_accepted()
    {
        var client = new EngineHarness().Client();

        var frames = await client.ExchangeAsync("CONNECT\naccept-version:1.2,1.1,1.0\n\n\0");

        Assert.Equal(StompCommand.Connected, Assert.Single(frames).Command);
    }

    [Fact]
    public async Task STOMP_S01_CONNECT_with_CR_LF_line_ends_is_accepted()
    {
        var client = new EngineHarness().Client();

        var frames = await client.ExchangeAsync("CONNECT\r\naccept-version:1.2\r\n\r\n\0");

        Assert.Equal("1.2", Assert.Single(frames)["version"]);
    }

    [Fact]
    public async Task STOMP_S25_CONNECT_without_accept_version_is_a_1_0_client()
    {
        var client = new EngineHarness().Client();

        var connected = Assert.Single(await client.ExchangeAsync("CONNECT\nlogin:a\n\n\0"));

        Assert.Equal("1.0", connected["version"]);
        Assert.False(connected.Has("heart-beat"));
    }

    [Theory]
    [InlineData("1.0,1.2,1.1", "1.2")]
    [InlineData("1.1,2.0", "1.1")]
    [InlineData("1.2", "1.2")]
    [InlineData("2.0,1.0", "1.0")]
    public async Task STOMP_S26_the_highest_common_version_wins_regardless_of_order(string accept, string expected)
    {
        var client = new EngineHarness().Client();

        var connected = Assert.Single(await client.ExchangeAsync($"CONNECT\naccept-version:{accept}\n\n\0"));

        Assert.Equal(expected, connected["version"]);
    }

    [Fact]
    public async Task STOMP_S27_no_common_version_gives_ERROR_listing_supported_versions_then_close()
    {
        var client = new EngineHarness().Client();

        var error = Assert.Single(await client.ExchangeAsync("CONNECT\naccept-version:2.0\nhost:example\n\n\0"));

        Assert.Equal(StompCommand.Error, error.Command);
        Assert.Equal("1.0,1.1,1.2", error["version"]);
        Assert.Equal("Supported protocol versions are 1.0 1.1 1.2", error.BodyText);
        Assert.True(client.Last!.CloseAfterReply);
    }

    [Fact]
    public async Task The_negotiated_subprotocol_caps_the_version()
    {
        var client = new EngineHarness().Client();
        client.Subprotocol = "v11.stomp";

        var connected = Assert.Single(await client.ExchangeAsync("CONNECT\naccept-version:1.2,1.1\n\n\0"));

        Assert.Equal("1.1", connected["version"]);
    }

    [Fact]
    public async Task STOMP_S29_S30_the_server_asks_for_no_heart_beats_by_default_and_for_the_configured_interval_otherwise()
    {
        var client = new EngineHarness(o => o.HeartBeatReceiveMilliseconds = 30000).Client();

        var connected = Assert.Single(await client.ExchangeAsync("CONNECT\naccept-version:1.2\n\n\0"));

        Assert.Equal("0,30000", connected["heart-beat"]);
    }

    [Fact]
    public async Task A_malformed_heart_beat_header_is_refused()
    {
        var client = new EngineHarness().Client();

        var error = Assert.Single(await client.ExchangeAsync("CONNECT\naccept-version:1.2\nheart-beat:ten\n\n\0"));

        Assert.Equal(StompCommand.Error, error.Command);
        Assert.True(client.Last!.CloseAfterReply);
    }

    [Fact]
    public async Task STOMP_S20_a_rejecting_connect_hook_gives_ERROR_explaining_why_then_close()
    {
        var harness = new EngineHarness(register: r => r.OnConnect(c =>
        {
            if (c.Passcode != "secret")
            {
                c.Reject("bad credentials");
            }

            return ValueTask.CompletedTask;
        }));
        var client = harness.Client();

        var error = Assert.Single(await client.ExchangeAsync("CONNECT\naccept-version:1.2\nlogin:bob\npasscode:wrong\n\n\0"));

        Assert.Equal(StompCommand.Error, error.Command);
        Assert.Equal("bad credentials", error["message"]);
        Assert.True(client.Last!.CloseAfterReply);
        Assert.StartsWith("STOMP ERROR", client.Last.CloseReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task STOMP_S07_CONNECT_headers_reach_the_hook_verbatim_and_the_hook_sets_the_user()
    {
        string? seen = null;
        var harness = new EngineHarness(register: r => r.OnConnect(c =>
        {
            seen = c.Passcode;
            c.User = c.Login + "@example";
            return ValueTask.CompletedTask;
        }));
        var client = harness.Client();

        var connected = Assert.Single(await client.ExchangeAsync("CONNECT\naccept-version:1.2\nlogin:bob\npasscode:p\\cw\n\n\0"));

        Assert.Equal("p\\cw", seen);
        Assert.Equal("bob@example", connected["user-name"]);
    }

    [Fact]
    public async Task The_upstream_user_is_the_session_user_unless_a_hook_changes_it()
    {
        var client = new EngineHarness().Client(userId: "alice");

        var connected = Assert.Single(await client.ExchangeAsync("CONNECT\naccept-version:1.2\n\n\0"));

        Assert.Equal("alice", connected["user-name"]);
    }

    [Fact]
    public async Task A_frame_before_CONNECT_gives_ERROR_and_close()
    {
        var client = new EngineHarness().Client();

        var error = Assert.Single(await client.ExchangeAsync("SEND\ndestination:/topic/a\nreceipt:r1\n\nhi\0"));

        Assert.Equal(StompCommand.Error, error.Command);
        Assert.Equal("not connected", error["message"]);
        Assert.Equal("r1", error["receipt-id"]);
        Assert.True(client.Last!.CloseAfterReply);
    }

    [Fact]
    public async Task A_second_CONNECT_gives_ERROR_and_close()
    {
        var client = await new EngineHarness().ConnectedClientAsync();

        var error = Assert.Single(await client.ExchangeAsync("CONNECT\naccept-version:1.2\n\n\0"));

        Assert.Equal(StompCommand.Error, error.Command);
        Assert.Equal("already connected", error["message"]);
        Assert.True(client.Last!.CloseAfterReply);
    }

    [Theory]
    [InlineData(new[] { "v10.stomp", "v12.stomp", "v11.stomp" }, "v12.stomp")]
    [InlineData(new[] { "v11.stomp" }, "v11.stomp")]
    [InlineData(new[] { "mqtt", "json.webpubsub.azure.v1" }, null)]
    [InlineData(new string[0], null)]
    public void STOMP_S65_the_connect_event_selects_the_highest_offered_stomp_subprotocol(string[] offered, string? expected)
    {
        var engine = new EngineHarness().Engine;

        Assert.Equal(expected, engine.HandleConnect(offered).Subprotocol);
    }

    [Fact]
    public void The_connect_event_skips_subprotocols_of_unsupported_versions()
    {
        var engine = new EngineHarness(o => o.SupportedVersions = StompVersionSet.V1_1 | StompVersionSet.V1_0).Engine;

        Assert.Equal("v11.stomp", engine.HandleConnect(["v12.stomp", "v11.stomp"]).Subprotocol);
    }
}
