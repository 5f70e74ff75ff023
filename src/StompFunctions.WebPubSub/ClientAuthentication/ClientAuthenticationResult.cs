namespace StompFunctions.WebPubSub.ClientAuthentication;

/// <summary>The outcome of authenticating a negotiate caller: an identity, or the reason for refusing it.</summary>
public readonly record struct ClientAuthenticationResult
{
    private ClientAuthenticationResult(ClientIdentity? identity, ClientAuthenticationFailure? failure)
    {
        Identity = identity;
        Failure = failure;
    }

    /// <summary>The caller's identity when accepted.</summary>
    public ClientIdentity? Identity { get; }

    /// <summary>The reason when refused.</summary>
    public ClientAuthenticationFailure? Failure { get; }

    /// <summary>Accepts the caller as <paramref name="identity"/>.</summary>
    public static ClientAuthenticationResult Success(ClientIdentity identity) => new(identity ?? throw new ArgumentNullException(nameof(identity)), null);

    /// <summary>Refuses the caller.</summary>
    public static ClientAuthenticationResult Refuse(ClientAuthenticationFailure failure) => new(null, failure);
}
