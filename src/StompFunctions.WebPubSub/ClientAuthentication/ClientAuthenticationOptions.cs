namespace StompFunctions.WebPubSub.ClientAuthentication;

/// <summary>
/// Who may negotiate a client access URL. Closed by default: with nothing set, every caller is refused with 401.
/// Binds from the <c>ClientAuthentication</c> section (app settings <c>ClientAuthentication__Authority</c>, …).
/// The user id and roles in the Web PubSub token come from the caller's identity, never from the request's query.
/// </summary>
public sealed class ClientAuthenticationOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "ClientAuthentication";

    /// <summary>
    /// The OpenID Connect authority whose bearer tokens negotiate accepts, e.g.
    /// <c>https://login.microsoftonline.com/{tenant-id}/v2.0</c>; its metadata is read from
    /// <c>{Authority}/.well-known/openid-configuration</c>. HTTPS is required except on loopback.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>The accepted <c>aud</c> values (e.g. the app registration's client id or <c>api://…</c> URI); required with <see cref="Authority"/>.</summary>
    public IList<string> Audiences { get; set; } = [];

    /// <summary>The claim that names the user (default <c>sub</c>; Entra ID's stable per-tenant id is <c>oid</c>).</summary>
    public string UserIdClaim { get; set; } = "sub";

    /// <summary>The claim that carries roles (default <c>roles</c>, as Entra ID app roles; Keycloak and others often use <c>role</c> or <c>groups</c>).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>
    /// Accept the App Service authentication principal (<c>X-MS-CLIENT-PRINCIPAL</c>) that the platform adds when its
    /// authentication is on. Trusted only when the platform says so (<c>WEBSITE_AUTH_ENABLED=True</c>); otherwise
    /// anyone could send the header, so it is ignored and a warning is logged at start-up.
    /// </summary>
    public bool AppServiceAuthentication { get; set; }

    /// <summary>
    /// Let callers without any credential negotiate an anonymous connection (no user id, no roles). Off by default;
    /// logged as a warning at start-up when on. A caller that presents an invalid token is still refused.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>Whether the platform's authentication is on (<c>WEBSITE_AUTH_ENABLED=True</c>); read from the environment, not a setting of ours.</summary>
    public bool PlatformAuthenticationEnabled { get; set; }

    /// <summary>Whether <c>X-MS-CLIENT-PRINCIPAL</c> is trusted: asked for, and the platform's authentication is on.</summary>
    internal bool TrustsAppServicePrincipal => AppServiceAuthentication && PlatformAuthenticationEnabled;

    /// <summary>Whether any way in is configured; when not, negotiate refuses every caller.</summary>
    internal bool AcceptsAnyone => !string.IsNullOrEmpty(Authority) || TrustsAppServicePrincipal || AllowAnonymous;
}
