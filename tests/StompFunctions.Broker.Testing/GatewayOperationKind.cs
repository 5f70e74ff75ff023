namespace StompFunctions.Broker.Testing;

/// <summary>What a recorded gateway call did.</summary>
public enum GatewayOperationKind
{
    SendToConnection,
    SendToGroup,
    AddToGroup,
    RemoveFromGroup,
    CloseConnection,
    CloseGroup,
}
