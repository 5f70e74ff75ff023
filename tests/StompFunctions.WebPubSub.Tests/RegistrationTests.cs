using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StompFunctions.Broker;
using StompFunctions.Broker.Ports;
using StompFunctions.WebPubSub.ClientAuthentication;

namespace StompFunctions.WebPubSub.Tests;

public sealed class RegistrationTests
{
    private const string ConnectionString = "Endpoint=http://127.0.0.1:1;AccessKey=k;Version=1.0;";

    [Fact]
    public async Task MapStompUpstream_fails_fast_when_AddStomp_was_not_called()
    {
        await using var app = WebApplication.CreateSlimBuilder().Build();

        var failure = Assert.Throws<InvalidOperationException>(() => app.MapStompUpstream("/api/stomp"));

        Assert.Contains("AddStomp", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapStompUpstream_fails_fast_when_the_web_pubsub_gateway_was_not_added()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddStomp();
        await using var app = builder.Build();

        var failure = Assert.Throws<InvalidOperationException>(() => app.MapStompNegotiate("/api/negotiate"));

        Assert.Contains("AddWebPubSubGateway", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Negotiates_scheme_is_registered_but_is_no_requests_default_so_upstream_events_skip_it()
    {
        // The hosts need no runtimeconfig switch for it: registering the scheme turns the automatic default off.
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddStomp().AddWebPubSubGateway(options => options.ConnectionString = ConnectionString);
        await using var app = builder.Build();
        var schemes = app.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        Assert.Single(await schemes.GetAllSchemesAsync());
        Assert.NotNull(await schemes.GetSchemeAsync(BearerTokenAuthentication.SchemeName));
        Assert.Null(await schemes.GetDefaultAuthenticateSchemeAsync());
    }

    [Fact]
    public void AddWebPubSubGateway_replaces_the_in_memory_gateway_and_maps_configuration()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["WebPubSub:ConnectionString"] = ConnectionString,
                ["WebPubSub:Hub"] = "chat",
                ["WebPubSub:AllowedOrigins"] = "a.example, b.example",
            })
            .Build());
        services.AddStomp().AddWebPubSubGateway();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<WebPubSubGatewayOptions>>().Value;
        Assert.Equal("chat", options.Hub);
        Assert.Equal(["a.example", "b.example"], options.AllowedOrigins);
        Assert.Equal("Gateway.WebPubSubConnectionGateway", provider.GetRequiredService<IConnectionGateway>().GetType().FullName!["StompFunctions.WebPubSub.".Length..]);
        Assert.Equal("chat", provider.GetRequiredService<WebPubSubRestClient>().Hub);
    }

    [Theory]
    [InlineData(null, "Set WebPubSub:ConnectionString")]
    [InlineData("Endpoint=https://x;AccessKey=k;Port=0", "ConnectionString is invalid")]
    public void Invalid_options_are_reported_naming_the_setting(string? connectionString, string message)
    {
        var services = new ServiceCollection();
        services.AddStomp().AddWebPubSubGateway(o => o.ConnectionString = connectionString);
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WebPubSubGatewayOptions>>().Value);

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endpoint_with_neither_key_nor_credential_is_reported()
    {
        var services = new ServiceCollection();
        services.AddStomp().AddWebPubSubGateway(o => o.Endpoint = new Uri("https://x.webpubsub.azure.com"));
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WebPubSubGatewayOptions>>().Value);

        Assert.Contains("AccessKey", failure.Message, StringComparison.Ordinal);
    }
}
