using Azure.Core;

namespace StompFunctions.Tables;

/// <summary>
/// How the Table client retries. Azure.Core retries throttling (429), server errors (500, 502, 503,
/// 504), request timeouts (408) and network failures; it never retries 4xx answers such as 404 or 412,
/// which the store turns into outcomes. The defaults keep a frame's worst case short: a STOMP frame
/// waits for the store, so a long back-off would only delay the ERROR the client gets when storage is down.
/// </summary>
public sealed class TableStorageRetryOptions
{
    /// <summary>Retries after the first attempt (default 3).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first back-off; exponential mode doubles it with jitter (default 200 ms).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest single back-off; a 429 <c>Retry-After</c> is honoured up to it (default 2 s).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Timeout of one attempt, network included (default 5 s).</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Exponential (default) or fixed back-off.</summary>
    public RetryMode Mode { get; set; } = RetryMode.Exponential;

    internal void ApplyTo(RetryOptions retry)
    {
        retry.MaxRetries = MaxRetries;
        retry.Delay = Delay;
        retry.MaxDelay = MaxDelay;
        retry.NetworkTimeout = NetworkTimeout;
        retry.Mode = Mode;
    }
}
