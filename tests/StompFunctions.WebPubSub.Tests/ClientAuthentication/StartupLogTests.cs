using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StompFunctions.WebPubSub.ClientAuthentication;

namespace StompFunctions.WebPubSub.Tests.ClientAuthentication;

/// <summary>Who may negotiate is said at start-up; an open or closed app is never a surprise.</summary>
public sealed class StartupLogTests
{
    private static async Task<IReadOnlyList<(LogLevel Level, string Message)>> StartAsync(ClientAuthenticationOptions options)
    {
        var logger = new RecordingLogger();
        var log = new ClientAuthenticationStartupLog(new ConfiguredClientAuthenticator(Options.Create(options)), Options.Create(options), logger);
        await log.StartedAsync(CancellationToken.None);
        return logger.Entries;
    }

    [Fact]
    public async Task Allowing_anonymous_clients_is_a_warning_at_start_up()
    {
        var entries = await StartAsync(new ClientAuthenticationOptions { AllowAnonymous = true });

        var (level, message) = Assert.Single(entries);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("ANONYMOUS", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_nothing_configured_start_up_warns_that_every_caller_is_refused()
    {
        var (level, message) = Assert.Single(await StartAsync(new ClientAuthenticationOptions()));

        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("refuses every caller", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_App_Service_principal_setting_without_the_platform_is_ignored_with_a_warning()
    {
        var entries = await StartAsync(new ClientAuthenticationOptions { AppServiceAuthentication = true, Authority = "https://login.example/tenant", Audiences = { "api://x" } });

        Assert.Equal([LogLevel.Information, LogLevel.Warning], entries.Select(static e => e.Level));
        Assert.Contains("X-MS-CLIENT-PRINCIPAL is ignored", entries[1].Message, StringComparison.Ordinal);
    }

    private sealed class RecordingLogger : ILogger<ClientAuthenticationStartupLog>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
