namespace StompFunctions.WebPubSub.ClientAccess;

/// <summary>
/// The one rule every user id obeys before the service sees it: no control character (C0, DEL, C1). CR or LF in a
/// header would cut <c>a\r\nx</c> down to <c>a</c>, merging two identities; such an id is refused, never trimmed.
/// </summary>
internal static class UserIds
{
    public const string ControlCharacterMessage = "The user id contains a control character (such as CR, LF or NUL); user ids are refused, never trimmed.";

    public static bool IsAcceptable(string? userId) =>
        userId is null || (!userId.AsSpan().ContainsAnyInRange('\0', '\u001f') && !userId.AsSpan().ContainsAnyInRange('\u007f', '\u009f'));
}
