using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StompFunctions.WebPubSub.ClientAuthentication;

/// <summary>
/// Says at start-up who may negotiate, so an open broker is never a surprise in the logs. It speaks once
/// the host has started (<see cref="StartedAsync"/>), so a host that cannot start (a port in use) prints
/// only why.
/// </summary>
internal sealed partial class ClientAuthenticationStartupLog : IHostedLifecycleService
{
    private readonly IStompClientAuthenticator _authenticator;
    private readonly IOptions<ClientAuthenticationOptions> _options;
    private readonly ILogger _logger;

    public ClientAuthenticationStartupLog(IStompClientAuthenticator authenticator, IOptions<ClientAuthenticationOptions> options, ILogger<ClientAuthenticationStartupLog> logger)
    {
        _authenticator = authenticator;
        _options = options;
        _logger = logger;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (_authenticator is not ConfiguredClientAuthenticator)
        {
            Log.HostAuthenticator(_logger, _authenticator.GetType().Name);
            return Task.CompletedTask;
        }

        var options = _options.Value;
        if (!string.IsNullOrEmpty(options.Authority))
        {
            Log.BearerTokens(_logger, options.Authority, string.Join(", ", options.Audiences));
        }

        if (options.TrustsAppServicePrincipal)
        {
            Log.AppServicePrincipal(_logger);
        }
        else if (options.AppServiceAuthentication)
        {
            Log.AppServicePrincipalIgnored(_logger);
        }

        if (options.AllowAnonymous)
        {
            Log.AnonymousAllowed(_logger);
        }

        if (!options.AcceptsAnyone)
        {
            Log.Closed(_logger);
        }

        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Client authentication uses ids 3110-3119.</summary>
    private static partial class Log
    {
        [LoggerMessage(3110, LogLevel.Information, "Negotiate accepts bearer tokens from {Authority} for audience {Audiences}.", EventName = nameof(BearerTokens))]
        public static partial void BearerTokens(ILogger logger, string authority, string audiences);

        [LoggerMessage(3111, LogLevel.Information, "Negotiate accepts the App Service authentication principal (X-MS-CLIENT-PRINCIPAL).", EventName = nameof(AppServicePrincipal))]
        public static partial void AppServicePrincipal(ILogger logger);

        [LoggerMessage(3112, LogLevel.Warning, "ClientAuthentication:AppServiceAuthentication is on but App Service authentication is not (WEBSITE_AUTH_ENABLED is not True): X-MS-CLIENT-PRINCIPAL is ignored, since anyone could send it.", EventName = nameof(AppServicePrincipalIgnored))]
        public static partial void AppServicePrincipalIgnored(ILogger logger);

        [LoggerMessage(3113, LogLevel.Warning, "ANONYMOUS clients may negotiate (ClientAuthentication:AllowAnonymous is on): anyone who reaches negotiate gets a connection without a user id.", EventName = nameof(AnonymousAllowed))]
        public static partial void AnonymousAllowed(ILogger logger);

        [LoggerMessage(3114, LogLevel.Warning, "Negotiate refuses every caller: set ClientAuthentication:Authority and Audiences, or AppServiceAuthentication, or AllowAnonymous to open it.", EventName = nameof(Closed))]
        public static partial void Closed(ILogger logger);

        [LoggerMessage(3115, LogLevel.Information, "Negotiate authenticates callers with the host's {Authenticator}.", EventName = nameof(HostAuthenticator))]
        public static partial void HostAuthenticator(ILogger logger, string authenticator);
    }
}
