namespace StompFunctions.Tables.Tests.Azurite;

/// <summary>An Azurite that keeps its data in a temporary workspace, so a stop and start is an outage, not a wipe.</summary>
public sealed class PersistentAzuriteFixture : AzuriteFixture
{
    protected override bool Persistent => true;
}
