namespace StompFunctions.WebPubSub.Tests.EndToEnd;

/// <summary>One emulator and one app for every end-to-end and wire test class.</summary>
[CollectionDefinition(Name)]
public sealed class StompStackCollection : ICollectionFixture<StompStackFixture>
{
    public const string Name = "STOMP stack";
}
