namespace StompFunctions.Hosting;

/// <summary>
/// Where the app's endpoints live, the same in every host: the Functions app's HTTP triggers declare these
/// routes under host.json's <c>api</c> prefix, and <c>MapStompApp</c> maps them in an ASP.NET Core host
/// (tests/StompFunctions.Functions.Tests checks that the two agree).
/// </summary>
public static class StompAppRoutes
{
    /// <summary>host.json's <c>extensions.http.routePrefix</c>, in front of every route below.</summary>
    public const string Prefix = "/api";

    /// <summary>The Web PubSub upstream; the hub's urlTemplate is <c>…/api/webpubsub/{event}</c>.</summary>
    public const string Upstream = "webpubsub";

    /// <summary>Answers <c>{"url": "wss://…?access_token=…"}</c>.</summary>
    public const string Negotiate = "negotiate";

    /// <summary><c>POST …/api/publish/topic/news</c> publishes to <c>/topic/news</c>.</summary>
    public const string Publish = "publish";

    /// <summary>The Event Grid webhook (both schemas, both validation handshakes).</summary>
    public const string EventGrid = "eventgrid";
}
