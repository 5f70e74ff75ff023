namespace StompFunctions.Emulator.Auth;

/// <summary>
/// What verifying a data-plane token established: its audience (normalized by <see cref="RequestAudience.Normalize"/>),
/// its lifetime in Unix seconds and the access key whose signature matched.
/// </summary>
internal sealed record VerifiedToken(string Audience, long Expires, long? NotBefore, string Key)
{
    /// <summary>True while the key that verified it is still configured and the lifetime rule still holds now.</summary>
    public bool IsUsable(WebPubSubEmulatorOptions settings, DateTimeOffset now) =>
        (string.Equals(Key, settings.AccessKey, StringComparison.Ordinal)
            || (!string.IsNullOrEmpty(settings.SecondaryAccessKey) && string.Equals(Key, settings.SecondaryAccessKey, StringComparison.Ordinal)))
        && HmacJwt.IsWithinLifetime(Expires, NotBefore, now, settings.ClockSkew);
}
