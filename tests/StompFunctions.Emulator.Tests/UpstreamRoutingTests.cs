using System.Security.Cryptography;
using System.Text;
using StompFunctions.Emulator.Upstream;

namespace StompFunctions.Emulator.Tests;

/// <summary>Event handler selection and URL templates, as the service applies a hub's ordered handler list.</summary>
public sealed class UpstreamRoutingTests
{
    [Fact]
    public void The_first_matching_handler_wins_for_system_and_user_events()
    {
        var hub = new EmulatorHubOptions();
        var system = new EmulatorEventHandlerOptions { UrlTemplate = "http://a/{event}" };
        system.SystemEvents.Add("connect");
        var users = new EmulatorEventHandlerOptions { UrlTemplate = "http://b/{event}", UserEventPattern = "join, message" };
        var all = new EmulatorEventHandlerOptions { UrlTemplate = "http://c/{event}", UserEventPattern = "*" };
        all.SystemEvents.Add("connect");
        all.SystemEvents.Add("disconnected");
        hub.EventHandlers.Add(system);
        hub.EventHandlers.Add(users);
        hub.EventHandlers.Add(all);

        Assert.Same(system, EventHandlerSelector.Select(hub, "connect", isSystemEvent: true));
        Assert.Same(all, EventHandlerSelector.Select(hub, "disconnected", isSystemEvent: true));
        Assert.Null(EventHandlerSelector.Select(hub, "connected", isSystemEvent: true));
        Assert.Same(users, EventHandlerSelector.Select(hub, "message", isSystemEvent: false));
        Assert.Same(all, EventHandlerSelector.Select(hub, "other", isSystemEvent: false));
    }

    [Fact]
    public void Url_templates_expand_hub_and_event_url_escaped_and_reject_non_http_urls()
    {
        Assert.Equal("http://h/api/a%20b/message?code=x", UrlTemplate.Expand("http://h/api/{hub}/{event}?code=x", "a b", "message")!.AbsoluteUri);
        Assert.Null(UrlTemplate.Expand("ftp://h/{event}", "hub", "connect"));
        Assert.Null(UrlTemplate.Expand("not a url", "hub", "connect"));

        // Expansions are kept per template: the same arguments give the same answer, a changed template a new one.
        Assert.Same(UrlTemplate.Expand("http://h/{hub}/{event}", "hub", "message"), UrlTemplate.Expand("http://h/{hub}/{event}", "hub", "message"));
        Assert.Equal("http://g/hub/message", UrlTemplate.Expand("http://g/{hub}/{event}", "hub", "message")!.AbsoluteUri);
        Assert.Null(UrlTemplate.Expand("not a url", "hub", "connect"));
    }

    [Fact]
    public void A_pattern_matches_listed_names_exactly_and_skips_empty_entries()
    {
        var hub = new EmulatorHubOptions();
        var handler = new EmulatorEventHandlerOptions { UrlTemplate = "http://b/{event}", UserEventPattern = " join ,, message " };
        hub.EventHandlers.Add(handler);

        Assert.Same(handler, EventHandlerSelector.Select(hub, "join", isSystemEvent: false));
        Assert.Same(handler, EventHandlerSelector.Select(hub, "message", isSystemEvent: false));
        Assert.Null(EventHandlerSelector.Select(hub, "Message", isSystemEvent: false));
        Assert.Null(EventHandlerSelector.Select(hub, "", isSystemEvent: false));
    }

    [Fact]
    public void Signature_lists_the_primary_then_the_secondary_key_in_lower_case_hex()
    {
        var signature = EventSignature.Compute("conn", "k1", "k2");

        Assert.Matches("^sha256=[0-9a-f]{64},sha256=[0-9a-f]{64}$", signature);
        Assert.Matches("^sha256=[0-9a-f]{64}$", EventSignature.Compute("conn", "k1", null));
    }

    [Fact]
    public void Signatures_equal_a_one_shot_HMAC_while_keys_come_and_go()
    {
        // More keys than a thread keeps keyed, twice over: every one still signs under its own key.
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 6; i++)
            {
                var key = "key-" + i;
                var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), "conn-ü"u8));
                Assert.Equal(expected, EventSignature.Compute("conn-ü", key, null));
            }
        }
    }
}
