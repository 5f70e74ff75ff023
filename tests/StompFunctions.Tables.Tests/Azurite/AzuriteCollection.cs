namespace StompFunctions.Tables.Tests.Azurite;

/// <summary>Test classes in this collection share one Azurite; each uses its own tables.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
