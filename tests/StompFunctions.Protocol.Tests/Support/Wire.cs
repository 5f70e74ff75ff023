using System.Text;

namespace StompFunctions.Protocol.Tests.Support;

/// <summary>Builds wire bytes from readable text: "^@" stands for NUL.</summary>
internal static class Wire
{
    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text.Replace("^@", "\0", StringComparison.Ordinal));

    public static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes).Replace("\0", "^@", StringComparison.Ordinal);
}
