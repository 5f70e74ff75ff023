namespace StompFunctions.WebPubSub.ClientAuthentication;

/// <summary>Why negotiate refused a caller; <see cref="ClientAuthenticationMessages"/> holds the answer for each.</summary>
public enum ClientAuthenticationFailure
{
    /// <summary>No credential, and anonymous clients are not allowed.</summary>
    MissingCredential,

    /// <summary>Nothing is configured to accept callers: the app is closed.</summary>
    NotConfigured,

    /// <summary>A bearer token arrived but no OpenID Connect authority is configured.</summary>
    BearerNotAccepted,

    /// <summary>The token's <c>exp</c> has passed.</summary>
    Expired,

    /// <summary>The token's <c>nbf</c> is still ahead.</summary>
    NotYetValid,

    /// <summary>The token's <c>aud</c> is none of the configured audiences.</summary>
    WrongAudience,

    /// <summary>The token's <c>iss</c> is not the authority's issuer.</summary>
    WrongIssuer,

    /// <summary>The signature does not verify with the authority's keys.</summary>
    BadSignature,

    /// <summary>The token is not a well-formed JWT.</summary>
    Malformed,

    /// <summary>The token failed another check.</summary>
    InvalidToken,

    /// <summary>The identity has no claim naming the user.</summary>
    NoUserId,

    /// <summary>The identity carries more roles, or longer ones, than a connection may.</summary>
    TooManyRoles,

    /// <summary>The authority's metadata or keys could not be read.</summary>
    ProviderUnavailable,
}
