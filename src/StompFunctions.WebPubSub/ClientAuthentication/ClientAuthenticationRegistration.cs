using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace StompFunctions.WebPubSub.ClientAuthentication;

/// <summary>Registers negotiate authentication: settings, the JwtBearer scheme, the authenticator and its start-up log.</summary>
internal static class ClientAuthenticationRegistration
{
    /// <summary>
    /// ASP.NET Core makes a lone authentication scheme every request's default: its middleware would then validate the
    /// bearer token of each upstream event and, in the DevHost, each REST call's access-key token with negotiate's
    /// scheme, a validation that can only fail and cost 8 % of the CPU per published message (docs/benchmarks.md).
    /// Negotiate names its scheme, so no request needs a default; with another scheme of the app's registered beside
    /// ours there is no automatic default anyway, so the switch changes nothing for the app's own schemes. The switch
    /// is process-wide (docs/programming.md says so for another host in the same process).
    /// </summary>
    public const string SuppressAutoDefaultSchemeSwitch = "Microsoft.AspNetCore.Authentication.SuppressAutoDefaultScheme";

    public static void AddClientAuthentication(IServiceCollection services)
    {
        services.AddOptions<ClientAuthenticationOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<ClientAuthenticationOptions>, ClientAuthenticationOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClientAuthenticationOptions>, ClientAuthenticationOptionsValidator>());
        if (!services.Any(static d => d.ImplementationType == typeof(JwtBearerOptionsSetup)))
        {
            // Read when the scheme provider first asks for a default, after the app is built: set now, it holds.
            AppContext.SetSwitch(SuppressAutoDefaultSchemeSwitch, isEnabled: true);
            services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerOptionsSetup>();
            services.AddAuthentication().AddJwtBearer(BearerTokenAuthentication.SchemeName, static _ => { });
        }

        // A ClientUserId hook set in code replaces the settings (local development); otherwise the settings decide.
        services.TryAddSingleton<IStompClientAuthenticator>(static sp =>
            sp.GetRequiredService<IOptions<WebPubSubGatewayOptions>>().Value.ClientUserId is { } hook
                ? new ClientUserIdAuthenticator(hook)
                : ActivatorUtilities.CreateInstance<ConfiguredClientAuthenticator>(sp));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ClientAuthenticationStartupLog>());
    }
}
