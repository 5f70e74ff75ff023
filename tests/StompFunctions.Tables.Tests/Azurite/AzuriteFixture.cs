using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace StompFunctions.Tables.Tests.Azurite;

/// <summary>
/// Runs Azurite's table service from the repository's node_modules on a free loopback port, in memory
/// (or in a temporary workspace when <see cref="Persistent"/>), and stops it. It can be stopped and
/// started again on the same port, which the fault tests use to play a storage outage.
/// </summary>
public class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account (public, documented by Microsoft).</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The well-known key of <see cref="AccountName"/>.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const int MaxStartAttempts = 4;
    private const int OutputLinesKept = 40;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly ConcurrentQueue<string> _output = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Process? _process;
    private string? _workspace;

    /// <summary>Keep data on disk across <see cref="StopAsync"/> and <see cref="StartAgainAsync"/>, as a real outage would.</summary>
    protected virtual bool Persistent => false;

    /// <summary>The loopback port Azurite listens on; stays the same across restarts.</summary>
    public int Port { get; private set; }

    /// <summary>The table endpoint, path-style with the account name.</summary>
    public Uri TableEndpoint => new($"http://127.0.0.1:{Port}/{AccountName}");

    /// <summary>A connection string for this instance, as a user would write it for Azurite on a custom port.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint={TableEndpoint};";

    /// <summary>Whether the Azurite process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    public async Task InitializeAsync()
    {
        if (Persistent)
        {
            _workspace = Directory.CreateTempSubdirectory("azurite-").FullName;
        }

        for (var attempt = 1; ; attempt++)
        {
            Port = FindFreePort();
            if (await TryStartAsync().ConfigureAwait(false))
            {
                return;
            }

            if (attempt == MaxStartAttempts)
            {
                throw new InvalidOperationException(
                    $"Azurite's table service did not start after {MaxStartAttempts} attempts. Its last output:\n{string.Join('\n', _output)}");
            }
        }
    }

    /// <summary>Stops Azurite (the outage); requests then fail to connect.</summary>
    public async Task StopAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await KillAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Starts Azurite again on the same port (the recovery).</summary>
    public async Task StartAgainAsync()
    {
        for (var attempt = 1; attempt <= MaxStartAttempts; attempt++)
        {
            // The old socket may linger for a moment after the kill; a bounded retry covers it.
            if (await TryStartAsync().ConfigureAwait(false))
            {
                return;
            }
        }

        throw new InvalidOperationException($"Azurite did not start again on port {Port}. Its last output:\n{string.Join('\n', _output)}");
    }

    public async Task DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _gate.Dispose();
        if (_workspace is not null)
        {
            try
            {
                Directory.Delete(_workspace, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless; never fail a test run over it.
            }
        }
    }

    private async Task<bool> TryStartAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await KillAsync().ConfigureAwait(false);
            _process = StartProcess();
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < StartTimeout)
            {
                if (_process.HasExited)
                {
                    return false;
                }

                if (await AcceptsConnectionsAsync().ConfigureAwait(false))
                {
                    return true;
                }

                await Task.Delay(PollInterval).ConfigureAwait(false);
            }

            await KillAsync().ConfigureAwait(false);
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    private Process StartProcess() => AzuriteProcess.Start(Port, _workspace, Keep);

    private async Task KillAsync()
    {
        var process = _process;
        _process = null;
        if (process is not null)
        {
            await AzuriteProcess.StopAsync(process, Persistent, StopTimeout).ConfigureAwait(false);
        }
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > OutputLinesKept && _output.TryDequeue(out _))
        {
        }
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
