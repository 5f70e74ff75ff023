using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StompFunctions.Broker.Authorization;
using StompFunctions.Functions.Tests.Infrastructure;
using StompFunctions.Tables;
using StompFunctions.WebPubSub.ClientAccess;

namespace StompFunctions.Functions.Tests.Composition;

/// <summary>The deployed app's composition is closed unless a setting opens it (docs/who-may-connect.md).</summary>
public sealed class ClosedByDefaultTests
{
    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["WebPubSub:ConnectionString"] = "Endpoint=http://127.0.0.1:1;Port=1;AccessKey=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH;Version=1.0;",
            ["WebPubSub:Hub"] = "stomp",
            [AppSettingNames.CollectorSchedule] = "0 */5 * * * *",
            [TableStorageStompBuilderExtensions.StateStoreKey] = "InMemory",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task<(int Status, string Body)> NegotiateAsync(IServiceProvider services)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = HttpMethods.Get;
        using var body = new MemoryStream();
        context.Response.Body = body;
        await services.GetRequiredService<StompNegotiateHandler>().HandleAsync(context);
        return (context.Response.StatusCode, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public async Task Allowing_anonymous_clients_opens_negotiate_and_the_default_destinations_with_one_setting()
    {
        using var host = FunctionsAppHost.Build(Settings((AppSettingNames.ClientAuthenticationAllowAnonymous, "true")));

        var (status, body) = await NegotiateAsync(host.Services);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Contains("access_token=", body, StringComparison.Ordinal);
        Assert.True(host.Services.GetRequiredService<DestinationRuleSet>().Allows(DestinationAction.Send, "/app/chat/lobby", user: null, []));
    }

    [Fact]
    public void The_default_destination_rules_admit_authenticated_users_to_the_demo_and_nobody_elsewhere()
    {
        using var host = FunctionsAppHost.Build(Settings());
        var rules = host.Services.GetRequiredService<DestinationRuleSet>();

        Assert.True(rules.Allows(DestinationAction.Send, "/app/chat/lobby", "alice", []));
        Assert.True(rules.Allows(DestinationAction.Subscribe, "/topic/chat.lobby", "alice", []));
        Assert.False(rules.Allows(DestinationAction.Subscribe, "/topic/chat.lobby", user: null, []));
        Assert.False(rules.Allows(DestinationAction.Subscribe, "/exchange/x", "alice", []));
    }

    [Fact]
    public void Configured_rules_replace_the_defaults_and_a_malformed_one_stops_the_app_naming_the_setting()
    {
        using var host = FunctionsAppHost.Build(Settings(
            ("DestinationRules:Rules:0:Pattern", "/topic/**"),
            ("DestinationRules:Rules:0:Subscribe:0", "reader")));
        var rules = host.Services.GetRequiredService<DestinationRuleSet>();

        var error = Assert.Throws<InvalidOperationException>(() => FunctionsAppHost.Build(Settings(("DestinationRules:Rules:0:Pattern", "topic/**"))));

        Assert.True(rules.Allows(DestinationAction.Subscribe, "/topic/a", "alice", ["reader"]));
        Assert.False(rules.Allows(DestinationAction.Subscribe, "/topic/a", "alice", []));
        Assert.StartsWith("DestinationRules:Rules:0:Pattern:", error.Message, StringComparison.Ordinal);
    }
}
