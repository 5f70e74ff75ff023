using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace StompFunctions.Tables.Client.Rest;

/// <summary>
/// SharedKeyLite for the Table service, as Azure.Data.Tables signs (table-storage-rest.md §3.1): <c>x-ms-date</c>, then
/// <c>Authorization: SharedKeyLite {account}:Base64(HMAC-SHA256(key, date + "\n" + "/" + account + path))</c>, the
/// path exactly as sent (escaped; on Azurite it starts with the account again). Used by the pipeline's policy
/// (<see cref="TableSharedKeyLitePolicy"/>) and by the direct requests (<see cref="DirectTableTransport"/>). The date
/// text is made once a second and the HMAC instances are pooled, so signing allocates only the header value.
/// </summary>
internal sealed class SharedKeyLiteSigner
{
    public const string DateHeader = "x-ms-date";
    private const int StackLimit = 512;

    private readonly string _account;
    private readonly string _scheme;
    private readonly TimeProvider _timeProvider;
    private readonly HmacPool _hmacs;
    private volatile DateText? _date;

    public SharedKeyLiteSigner(string accountName, byte[] accountKey, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        ArgumentNullException.ThrowIfNull(accountKey);
        _account = accountName;
        _scheme = "SharedKeyLite " + accountName + ":";
        _timeProvider = timeProvider;
        _hmacs = new HmacPool(accountKey);
    }

    /// <summary>The header value for a date and an escaped request path; a separate step so tests can compare it with the SDK's.</summary>
    internal string Authorization(string date, string path)
    {
        // StringToSign = date "\n" "/" account path: ASCII apart from the account, so UTF-8 length is bounded by 3 bytes a char.
        var maxBytes = Encoding.UTF8.GetMaxByteCount(date.Length + 2 + _account.Length + path.Length);
        byte[]? rented = null;
        Span<byte> buffer = maxBytes <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var length = Encoding.UTF8.GetBytes(date, buffer);
            buffer[length++] = (byte)'\n';
            buffer[length++] = (byte)'/';
            length += Encoding.UTF8.GetBytes(_account, buffer[length..]);
            length += Encoding.UTF8.GetBytes(path, buffer[length..]);

            Span<byte> signature = stackalloc byte[HMACSHA256.HashSizeInBytes];
            _hmacs.Sign(buffer[..length], signature);
            return string.Concat(_scheme, Convert.ToBase64String(signature));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The <c>x-ms-date</c> of a request sent now (RFC 1123), made once a second.</summary>
    public string CurrentDate()
    {
        var now = _timeProvider.GetUtcNow();
        var second = now.ToUnixTimeSeconds();
        var cached = _date;
        if (cached is not null && cached.Second == second)
        {
            return cached.Text;
        }

        var text = now.ToString("r", CultureInfo.InvariantCulture);
        _date = new DateText(second, text);
        return text;
    }

    private sealed record DateText(long Second, string Text);

    /// <summary>
    /// A few keyed <see cref="HMACSHA256"/> instances shared by concurrent requests: one is taken from a slot for one
    /// signature and put back; when every slot is busy a new one is made, and it is kept only if a slot is free again.
    /// </summary>
    private sealed class HmacPool(byte[] key)
    {
        private readonly HMACSHA256?[] _slots = new HMACSHA256?[Math.Clamp(Environment.ProcessorCount, 2, 16)];

        public void Sign(ReadOnlySpan<byte> data, Span<byte> destination)
        {
            var hmac = Rent();
            try
            {
                hmac.TryComputeHash(data, destination, out _);
            }
            finally
            {
                Return(hmac);
            }
        }

        private HMACSHA256 Rent()
        {
            for (var i = 0; i < _slots.Length; i++)
            {
                var hmac = Interlocked.Exchange(ref _slots[i], null);
                if (hmac is not null)
                {
                    return hmac;
                }
            }

            return new HMACSHA256(key);
        }

        private void Return(HMACSHA256 hmac)
        {
            for (var i = 0; i < _slots.Length; i++)
            {
                if (Interlocked.CompareExchange(ref _slots[i], hmac, null) is null)
                {
                    return;
                }
            }

            hmac.Dispose();
        }
    }
}
