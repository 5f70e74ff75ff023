using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace StompFunctions.Emulator.Tests.Infrastructure;

/// <summary>An in-memory request as Kestrel hands it over: path, query and the raw target they came from.</summary>
internal static class RawTargetContext
{
    public static DefaultHttpContext For(string rawTarget)
    {
        var context = new DefaultHttpContext();
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        context.Request.Path = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        context.Request.QueryString = new QueryString(queryStart < 0 ? null : rawTarget[queryStart..]);
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = rawTarget;
        return context;
    }
}
