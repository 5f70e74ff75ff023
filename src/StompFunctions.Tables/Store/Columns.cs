namespace StompFunctions.Tables.Store;

/// <summary>Property names of the store's rows; short, since every row carries them.</summary>
internal static class Columns
{
    public const string SubscriptionId = "SubscriptionId";
    public const string AckMode = "AckMode";
    public const string Group = "Group";
    public const string ConnectionId = "ConnectionId";
    public const string UserId = "UserId";

    /// <summary>The topic pattern of a route in the wildcard index; absent on every other route.</summary>
    public const string Pattern = "Pattern";

    /// <summary>The full destination, stored only on rows whose partition key is hashed.</summary>
    public const string Destination = "Destination";

    /// <summary>The byte length of spilled state; its bytes are in <see cref="SpillChunkPrefix"/>0, 1, …</summary>
    public const string SpillLength = "Length";

    public const string SpillChunkPrefix = "Data";

    /// <summary>
    /// The nonce of the claim that last wrote an event marker: a claim whose answer was lost and whose retry finds the
    /// marker changed reads it back and knows the change was its own.
    /// </summary>
    public const string Claim = "Claim";

    /// <summary>The id of the store generation in its marker row (<see cref="GenerationMarker"/>).</summary>
    public const string Generation = "Generation";
}
