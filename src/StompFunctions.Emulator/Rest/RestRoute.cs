namespace StompFunctions.Emulator.Rest;

/// <summary>
/// The shape of a path under <c>/api/hubs/{hub}/</c>: literal segments at even positions, names at odd ones
/// (<c>groups/{}/connections/{}</c>), which holds for every operation of the data-plane spec.
/// </summary>
internal static class RestRoute
{
    public static string Shape(IReadOnlyList<string> segments)
    {
        var parts = new string[segments.Count];
        for (var i = 0; i < segments.Count; i++)
        {
            parts[i] = i % 2 == 0 ? segments[i] : "{}";
        }

        return string.Join('/', parts);
    }
}
