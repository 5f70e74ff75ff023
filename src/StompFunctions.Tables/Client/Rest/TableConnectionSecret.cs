namespace StompFunctions.Tables.Client.Rest;

/// <summary>
/// What a storage connection string holds to authorize Table requests: the account name with its key
/// (SharedKeyLite signing) or a shared access signature appended to every URL. The endpoint itself is
/// resolved by Azure.Data.Tables, which the rest of the store uses, so both clients address one account.
/// </summary>
internal sealed class TableConnectionSecret
{
    /// <summary>Azurite's well-known development account (public, documented by Microsoft).</summary>
    public const string DevelopmentAccount = "devstoreaccount1";

    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private TableConnectionSecret(string? accountName, byte[]? accountKey, string? sharedAccessSignature)
    {
        AccountName = accountName;
        AccountKey = accountKey;
        SharedAccessSignature = sharedAccessSignature;
    }

    public string? AccountName { get; }

    /// <summary>The decoded account key (the HMAC key is the Base64-decoded key, not its text).</summary>
    public byte[]? AccountKey { get; }

    /// <summary>A SAS token without its leading <c>?</c>.</summary>
    public string? SharedAccessSignature { get; }

    /// <summary>Reads <c>AccountName</c>, <c>AccountKey</c>, <c>SharedAccessSignature</c> and <c>UseDevelopmentStorage=true</c>.</summary>
    public static TableConnectionSecret Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        string? name = null;
        string? key = null;
        string? sas = null;
        var development = false;
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // The first '=' ends the name: SAS tokens and Base64 keys hold more of them.
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                continue;
            }

            var (setting, value) = (part[..separator].Trim(), part[(separator + 1)..].Trim());
            if (Is(setting, "AccountName"))
            {
                name = value;
            }
            else if (Is(setting, "AccountKey"))
            {
                key = value;
            }
            else if (Is(setting, "SharedAccessSignature"))
            {
                sas = value.TrimStart('?');
            }
            else if (Is(setting, "UseDevelopmentStorage"))
            {
                development = bool.TryParse(value, out var use) && use;
            }
        }

        if (development)
        {
            return new TableConnectionSecret(DevelopmentAccount, Convert.FromBase64String(DevelopmentKey), null);
        }

        if (name is not null && !string.IsNullOrEmpty(key))
        {
            return new TableConnectionSecret(name, Convert.FromBase64String(key), null);
        }

        return !string.IsNullOrEmpty(sas)
            ? new TableConnectionSecret(name, null, sas)
            : throw new InvalidOperationException(
                $"The {TableStorageOptions.DefaultSectionName}:ConnectionString holds neither AccountName with AccountKey nor a SharedAccessSignature.");
    }

    private static bool Is(string setting, string name) => string.Equals(setting, name, StringComparison.OrdinalIgnoreCase);
}
