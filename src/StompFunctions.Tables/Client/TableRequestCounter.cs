using Azure.Core;
using Azure.Core.Pipeline;

namespace StompFunctions.Tables.Client;

/// <summary>
/// Counts the requests the Table client sends, split into reads (GET) and writes (everything else; an
/// entity-group transaction is one write), once per logical call when added per call and once per
/// attempt when added per retry. Tests and the benchmark use it to check the per-frame request budget.
/// </summary>
internal sealed class TableRequestCounter : HttpPipelineSynchronousPolicy
{
    private long _reads;
    private long _writes;

    public long Reads => Interlocked.Read(ref _reads);

    public long Writes => Interlocked.Read(ref _writes);

    public long Total => Reads + Writes;

    public void Reset()
    {
        Interlocked.Exchange(ref _reads, 0);
        Interlocked.Exchange(ref _writes, 0);
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        if (message.Request.Method == RequestMethod.Get)
        {
            Interlocked.Increment(ref _reads);
        }
        else
        {
            Interlocked.Increment(ref _writes);
        }
    }
}
