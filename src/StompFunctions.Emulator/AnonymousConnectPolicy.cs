namespace StompFunctions.Emulator;

/// <summary>The hub setting <c>anonymousConnectPolicy</c>.</summary>
public enum AnonymousConnectPolicy
{
    /// <summary>A valid access token is required (the service's default).</summary>
    Deny,

    /// <summary>Clients may connect without a token; the <c>connect</c> event then has to authenticate.</summary>
    Allow,
}
