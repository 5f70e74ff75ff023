using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StompFunctions.Infra.Tests.Support;

namespace StompFunctions.Infra.Tests;

/// <summary>
/// The Logging__ app settings Bicep gives the Functions app, applied the way the isolated worker applies them: its
/// FunctionsApplicationBuilder is a HostApplicationBuilder, whose defaults read the Logging section of configuration
/// (app settings arrive as environment variables, __ for :), and Program.cs adds the Application Insights worker
/// service, whose logger keeps only warnings through a filter rule of its own.
/// </summary>
public sealed class ApplicationInsightsLoggingTests
{
    [Theory]
    [InlineData("StompFunctions.WebPubSub.StompUpstreamHandler")]
    [InlineData("StompFunctions.Broker.StompBroker")]
    public async Task The_apps_own_Information_logs_reach_Application_Insights(string category)
    {
        using var host = await HostWithDeployedLoggingSettingsAsync();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

        Assert.True(logger.IsEnabled(LogLevel.Information));
        Assert.False(logger.IsEnabled(LogLevel.Debug));
    }

    [Fact]
    public async Task Other_categories_keep_the_SDKs_warnings_only_filter()
    {
        using var host = await HostWithDeployedLoggingSettingsAsync();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Azure.Core");

        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    [Fact]
    public void Without_the_setting_the_SDK_drops_the_apps_Information_logs()
    {
        using var host = Host(new Dictionary<string, string?>());
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("StompFunctions.WebPubSub.StompUpstreamHandler");

        Assert.False(logger.IsEnabled(LogLevel.Information));
    }

    private static async Task<IHost> HostWithDeployedLoggingSettingsAsync()
    {
        var settings = await DeploymentSnapshot.AppSettingsAsync();
        var logging = settings
            .Where(pair => pair.Key.StartsWith("Logging__", StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key.Replace("__", ":", StringComparison.Ordinal), pair => (string?)pair.Value);
        Assert.NotEmpty(logging);
        return Host(logging);
    }

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(settings);
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { Configuration = configuration });
        // Only the Application Insights provider, so IsEnabled answers for it alone.
        builder.Logging.ClearProviders();
        builder.Services.AddApplicationInsightsTelemetryWorkerService(options => options.ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000");
        return builder.Build();
    }
}
