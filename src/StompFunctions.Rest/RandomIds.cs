namespace StompFunctions.Rest;

/// <summary>
/// Version-4 GUIDs for per-request values (client request ids, claim nonces) without a system call each:
/// <see cref="Guid.NewGuid"/> reads 16 bytes from <c>/dev/urandom</c> on every call on Linux, one <c>read</c> per id
/// (four per SEND on Table Storage, counted with <c>strace</c>; docs/benchmarks.md). These come from
/// <see cref="Random.Shared"/>, seeded once per process from the operating system: unique enough to tell requests and
/// claims apart across processes, and never used as secrets.
/// </summary>
internal static class RandomIds
{
    public static Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);

        // RFC 9562: version 4 in the high nibble of the time_hi field (byte 7 in Guid's little-endian layout), variant 10xx.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
