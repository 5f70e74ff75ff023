using Azure.Data.Tables;

namespace StompFunctions.Tables.Client;

/// <summary>
/// One table and whether this process has made sure it exists. The create request is sent once per
/// process (concurrent first callers share it); a failure is not cached, so the next call tries again,
/// and <see cref="Invalidate"/> makes the next call create it again after the table vanished.
/// </summary>
internal sealed class ProvisionedTable
{
    private readonly bool _createIfMissing;
    private readonly Lock _lock = new();
    private Task? _creation;
    private volatile bool _ready;

    public ProvisionedTable(TableClient client, bool createIfMissing)
    {
        Client = client;
        _createIfMissing = createIfMissing;
        _ready = !createIfMissing;
    }

    public TableClient Client { get; }

    /// <summary>Whether this process creates the table when it is missing.</summary>
    public bool CreatesMissing => _createIfMissing;

    /// <summary>Completes synchronously once the table is known to exist.</summary>
    public ValueTask EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        return _ready ? ValueTask.CompletedTask : new ValueTask(CreateOnceAsync(cancellationToken));
    }

    /// <summary>Forgets that the table exists (it answered TableNotFound), so the next call creates it.</summary>
    public void Invalidate()
    {
        if (!_createIfMissing)
        {
            return;
        }

        lock (_lock)
        {
            _ready = false;
            if (_creation is { IsCompleted: true })
            {
                _creation = null;
            }
        }
    }

    private async Task CreateOnceAsync(CancellationToken cancellationToken)
    {
        Task creation;
        lock (_lock)
        {
            if (_ready)
            {
                return;
            }

            // Not linked to the first caller's token: other callers wait on the same request.
            _creation ??= CreateAsync();
            creation = _creation;
        }

        try
        {
            await creation.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            lock (_lock)
            {
                if (ReferenceEquals(_creation, creation))
                {
                    _creation = null;
                }
            }

            throw;
        }
    }

    private async Task CreateAsync()
    {
        // CreateIfNotExists absorbs 409 TableAlreadyExists; anything else (TableBeingDeleted, outages)
        // fails this attempt and the next caller starts a new one.
        await Client.CreateIfNotExistsAsync(CancellationToken.None).ConfigureAwait(false);
        _ready = true;
    }
}
