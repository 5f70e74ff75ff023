namespace StompFunctions.Emulator;

/// <summary>One upstream event handler, as in the service's hub settings.</summary>
public sealed class EmulatorEventHandlerOptions
{
    /// <summary>URL of the handler; <c>{hub}</c> and <c>{event}</c> are replaced (URL-escaped) for each call.</summary>
    public string UrlTemplate { get; set; } = "";

    /// <summary><c>*</c>, one user event name or a comma-separated list; null or empty matches no user event.</summary>
    public string? UserEventPattern { get; set; }

    /// <summary>System events this handler receives: any of <c>connect</c>, <c>connected</c>, <c>disconnected</c>.</summary>
    public IList<string> SystemEvents { get; } = [];
}
