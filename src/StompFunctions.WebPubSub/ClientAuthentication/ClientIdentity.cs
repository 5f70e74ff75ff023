namespace StompFunctions.WebPubSub.ClientAuthentication;

/// <summary>Who a negotiate caller is: the user id and roles that go into its Web PubSub token.</summary>
/// <param name="UserId">The user id, or null for an anonymous connection.</param>
/// <param name="Roles">Application roles (never Web PubSub permissions); destination rules read them.</param>
public sealed record ClientIdentity(string? UserId, IReadOnlyList<string> Roles)
{
    /// <summary>A caller without identity, when anonymous clients are allowed.</summary>
    public static ClientIdentity Anonymous { get; } = new(null, []);
}
