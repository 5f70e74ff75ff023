namespace StompFunctions.Broker.Routing;

/// <summary>Route values of contexts no template bound (authorization hooks).</summary>
internal static class RouteValues
{
    public static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();
}
