namespace StompFunctions.Functions;

/// <summary>
/// Function names, which are also the names `az functionapp function keys` and the portal use:
/// scripts/postdeploy.* keys <see cref="WebPubSub"/> by this name, and tests/js/infra checks it.
/// </summary>
internal static class FunctionNames
{
    public const string WebPubSub = "webpubsub";
    public const string Negotiate = "negotiate";
    public const string Publish = "publish";
    public const string EventGrid = "eventgrid";
    public const string Collector = "collector";
}
