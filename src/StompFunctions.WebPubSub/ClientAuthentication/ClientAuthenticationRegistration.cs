using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace StompFunctions.WebPubSub.ClientAuthentication;

/// <summary>Registers negotiate authentication: settings, the JwtBearer scheme, the authenticator and its start-up log.</summary>
internal static class ClientAuthenticationRegistration
{
    public static void AddClientAuthentication(IServiceCollection services)
    {
        services.AddOptions<ClientAuthenticationOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<ClientAuthenticationOptions>, ClientAuthenticationOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ClientAuthenticationOptions>, ClientAuthenticationOptionsValidator>());
        if (!services.Any(static d => d.ImplementationType == typeof(JwtBearerOptionsSetup)))
        {
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
