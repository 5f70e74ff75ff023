using StompFunctions.Broker;

namespace StompFunctions.Hosting.Demo;

/// <summary>
/// The demo chat's one handler, shared by the Functions app and the DevHost: a SEND to <c>/app/chat/{room}</c>
/// reaches every subscriber of <c>/topic/chat.{room}</c> (the destination the demo page subscribes to), with its
/// body and content type unchanged and a <c>sender</c> header naming the connection's user.
/// </summary>
public static class ChatRoomHandlers
{
    /// <summary>The SEND destination template the handler serves.</summary>
    public const string SendTemplate = "/app/chat/{room}";

    /// <summary>The broker destination of a room's messages.</summary>
    public static string Topic(string room) => $"/topic/chat.{room}";

    /// <summary>Registers the handler on the engine.</summary>
    public static IStompBuilder MapChatRooms(this IStompBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.MapSend(SendTemplate, static async context =>
        {
            List<KeyValuePair<string, string>> headers = [new("sender", context.User ?? "anonymous")];
            if (context.Headers["content-type"] is { } contentType)
            {
                headers.Add(new("content-type", contentType));
            }

            await context.PublishAsync(Topic(context.RouteValues["room"]), context.Body, headers).ConfigureAwait(false);
        });
    }
}
