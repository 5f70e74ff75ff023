using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using StompFunctions.Functions.Tests.Infrastructure;
using StompFunctions.Hosting;
using StompFunctions.Tables;
using StompFunctions.Tables.Tests.Azurite;
using StompFunctions.WebPubSub;

namespace StompFunctions.Functions.Tests.Composition;

/// <summary>The Functions app and MapStompApp (the DevHost) serve the same endpoints at the same places, from the same settings.</summary>
public sealed class RouteAgreementTests
{
    [Theory]
    [InlineData(FunctionNames.WebPubSub, StompAppRoutes.Upstream + "/{evt?}", new[] { "post", "options" }, AuthorizationLevel.Function)]
    [InlineData(FunctionNames.Negotiate, StompAppRoutes.Negotiate, new[] { "get", "post" }, AuthorizationLevel.Anonymous)]
    [InlineData(FunctionNames.Publish, StompAppRoutes.Publish + "/{*destination}", new[] { "post" }, AuthorizationLevel.Function)]
    [InlineData(FunctionNames.EventGrid, StompAppRoutes.EventGrid, new[] { "post", "options" }, AuthorizationLevel.Function)]
    public void Each_HTTP_trigger_declares_the_route_MapStompApp_maps_with_the_same_methods(string name, string route, string[] methods, AuthorizationLevel level)
    {
        var trigger = HttpTrigger.Named(name);

        Assert.Equal(route, trigger.Route);
        Assert.Equal(methods, trigger.Methods);
        Assert.Equal(level, trigger.Level);
    }

    [Fact]
    public void Every_HTTP_trigger_is_one_of_the_endpoints_MapStompApp_maps()
    {
        Assert.Equal(
            [FunctionNames.EventGrid, FunctionNames.Negotiate, FunctionNames.Publish, FunctionNames.WebPubSub],
            HttpTrigger.All.Select(t => t.Name).Order());
    }

    [Fact]
    public void Host_json_puts_the_triggers_under_the_prefix_MapStompApp_uses()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "host.json")));

        var prefix = hostJson.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString();

        Assert.Equal(StompAppRoutes.Prefix, "/" + prefix);
    }

    [Fact]
    public void The_sections_the_app_settings_name_are_the_sections_the_composition_binds()
    {
        Assert.Equal(StompAppServiceCollectionExtensions.StompSection, AppSettingNames.StompSection);
        Assert.Equal(StompAppServiceCollectionExtensions.EventGridSection, AppSettingNames.EventGridSection);
        Assert.Equal(WebPubSubGatewayOptions.SectionName, AppSettingNames.WebPubSubSection);
        Assert.Equal(TableStorageOptions.DefaultSectionName, AppSettingNames.TablesSection);
    }
}
