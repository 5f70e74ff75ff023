using System.Buffers.Text;
using System.Security.Cryptography;

namespace StompFunctions.Emulator.Connections;

/// <summary>Random, URL-safe connection ids of the same length as the service's.</summary>
internal static class ConnectionIds
{
    public static string Create()
    {
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        return Base64Url.EncodeToString(random);
    }
}
