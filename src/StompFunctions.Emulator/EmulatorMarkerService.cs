namespace StompFunctions.Emulator;

/// <summary>Registered by <c>AddWebPubSubEmulator</c> so that <c>MapWebPubSubEmulator</c> can fail fast without it.</summary>
internal sealed class EmulatorMarkerService;
