using Azure.Core;
using Microsoft.AspNetCore.Http;

namespace StompFunctions.WebPubSub;

/// <summary>
/// Everything the Web PubSub adapter needs: how to reach the service (connection string, or endpoint plus
/// credential), which hub, how the upstream endpoint authenticates requests, and how clients get access URLs.
/// Binds from the <c>WebPubSub</c> configuration section (<c>WebPubSub__Endpoint</c>, <c>WebPubSub__Hub</c>, …).
/// </summary>
public sealed class WebPubSubGatewayOptions
{
    /// <summary>The configuration section the options bind from by default.</summary>
    public const string SectionName = "WebPubSub";

    /// <summary><c>Endpoint=…;AccessKey=…;Version=1.0;[Port=…]</c>; supplies the endpoint and the primary key.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The service endpoint when no connection string is given (with <see cref="AccessKey"/> or <see cref="Credential"/>).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The primary access key, when not given in the connection string. It signs REST calls unless <see cref="Credential"/> is set, and checks upstream signatures.</summary>
    public string? AccessKey { get; set; }

    /// <summary>The secondary access key: upstream signatures made with it are accepted too, so keys can rotate without downtime.</summary>
    public string? SecondaryAccessKey { get; set; }

    /// <summary>Entra ID credential for the REST API (e.g. a managed identity); when set it is used instead of the access key.</summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>The hub the STOMP clients connect to.</summary>
    public string Hub { get; set; } = "stomp";

    /// <summary>Retry, transport and diagnostics settings of the REST client.</summary>
    public WebPubSubRestClientOptions Rest { get; set; } = new();

    /// <summary>
    /// Origins allowed by the abuse-protection preflight (host names; <c>*</c> allows any). Empty means the host of
    /// the configured endpoint only.
    /// </summary>
    public IList<string> AllowedOrigins { get; set; } = [];

    /// <summary>
    /// DEVELOPMENT ONLY: accepts upstream requests without a valid <c>ce-signature</c>. Off by default; when on,
    /// anyone who can reach the endpoint can impersonate any connection, and the adapter logs a warning per request.
    /// </summary>
    public bool DisableSignatureValidation { get; set; }

    /// <summary>
    /// Runs on every <c>connect</c> event after the subprotocol is chosen: may settle the user id, roles and groups,
    /// or reject the WebSocket handshake with 401/403.
    /// </summary>
    public Func<WebPubSubConnectContext, ValueTask>? OnConnect { get; set; }

    /// <summary>
    /// How long to wait, after an answer carrying an ERROR frame has been sent, before closing the connection through
    /// the REST API. The service must forward the reply before it processes the close; whether it orders the two by
    /// itself is UNCONFIRMED (webpubsub-protocol.md §7 item 8), hence this margin.
    /// </summary>
    public TimeSpan CloseAfterReplyDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How <c>ce-userId</c> carries user ids outside printable ASCII: percent-encoded (default) or raw; UNCONFIRMED.</summary>
    public UserIdHeaderFormat UserIdHeaderFormat { get; set; } = UserIdHeaderFormat.PercentEncoded;

    /// <summary>Lifetime of the client access tokens the negotiate endpoint hands out (the SDKs' default is 60 minutes).</summary>
    public TimeSpan ClientTokenLifetime { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Roles put into client access tokens (only <c>json.webpubsub.azure.v1</c> clients use them; STOMP clients need none).</summary>
    public IList<string> ClientRoles { get; set; } = [];

    /// <summary>
    /// LOCAL DEVELOPMENT or custom schemes: chooses the user id of a negotiate request in code (null: anonymous) and
    /// replaces the <c>ClientAuthentication</c> settings. Unset by default, so negotiate follows the settings and
    /// refuses every caller when none are configured. Never derive the user from the request's query in a deployed app.
    /// </summary>
    public Func<HttpContext, ValueTask<string?>>? ClientUserId { get; set; }
}
