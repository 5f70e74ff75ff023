namespace StompFunctions.Emulator.Upstream;

/// <summary>First-match selection of an event handler, as the service does with a hub's ordered list.</summary>
internal static class EventHandlerSelector
{
    public static EmulatorEventHandlerOptions? Select(EmulatorHubOptions hub, string eventName, bool isSystemEvent)
    {
        foreach (var handler in hub.EventHandlers)
        {
            if (isSystemEvent ? HasSystemEvent(handler, eventName) : MatchesUserEvent(handler.UserEventPattern, eventName))
            {
                return handler;
            }
        }

        return null;
    }

    private static bool HasSystemEvent(EmulatorEventHandlerOptions handler, string eventName)
    {
        foreach (var systemEvent in handler.SystemEvents)
        {
            if (string.Equals(systemEvent.Trim(), eventName, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchesUserEvent(string? pattern, string eventName)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return false;
        }

        foreach (var range in pattern.AsSpan().Split(','))
        {
            var part = pattern.AsSpan()[range].Trim();
            if (part is "*" || (part.Length > 0 && part.SequenceEqual(eventName)))
            {
                return true;
            }
        }

        return false;
    }
}
