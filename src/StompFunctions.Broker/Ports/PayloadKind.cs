namespace StompFunctions.Broker.Ports;

/// <summary>How a WebSocket message travels: frames whose bodies are valid UTF-8 go as text, others as binary.</summary>
public enum PayloadKind
{
    Text,
    Binary,
}
