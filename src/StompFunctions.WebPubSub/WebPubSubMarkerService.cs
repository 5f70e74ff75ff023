namespace StompFunctions.WebPubSub;

/// <summary>Registered by <c>AddWebPubSubGateway</c>, so the <c>Map*</c> methods can tell it was called.</summary>
internal sealed class WebPubSubMarkerService;
