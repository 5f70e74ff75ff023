using System.ComponentModel;
using System.Diagnostics;

namespace StompFunctions.Tables.Tests.Azurite;

/// <summary>Starting and stopping the Azurite table service's node process for <see cref="AzuriteFixture"/>.</summary>
internal static class AzuriteProcess
{
    public static Process Start(int port, string? workspace, Action<string?> keep)
    {
        var root = RepositoryRoot.Find();
        var script = Path.Combine(root, "node_modules", "azurite", "dist", "src", "table", "main.js");
        if (!File.Exists(Path.Combine(root, "node_modules", ".bin", "azurite-table")) && !File.Exists(script))
        {
            throw new InvalidOperationException(
                "Azurite is not installed: run `npm ci` in the repository root (scripts/test.sh does it) so node_modules/.bin/azurite-table exists.");
        }

        var info = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workspace ?? Path.GetTempPath(),
        };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add("--tableHost");
        info.ArgumentList.Add("127.0.0.1");
        info.ArgumentList.Add("--tablePort");
        info.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (workspace is null)
        {
            info.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            info.ArgumentList.Add("--location");
            info.ArgumentList.Add(workspace);
        }

        // Azurite 3.37 declares node >= 22 but runs its table service on Node 20 (checked); the flags
        // accept the SDK's newest API version and headers Azurite does not model.
        info.ArgumentList.Add("--skipApiVersionCheck");
        info.ArgumentList.Add("--loose");
        info.ArgumentList.Add("--disableTelemetry");
        info.ArgumentList.Add("--silent");

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("Azurite needs Node.js on PATH (`node`); it could not be started.", e);
        }

        process.OutputDataReceived += (_, e) => keep(e.Data);
        process.ErrorDataReceived += (_, e) => keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Stops the process (gracefully first when <paramref name="persistent"/>) and waits for it to exit.</summary>
    public static async Task StopAsync(Process process, bool persistent, TimeSpan stopTimeout)
    {
        try
        {
            if (!process.HasExited && !await TryStopGracefullyAsync(process, persistent, stopTimeout).ConfigureAwait(false))
            {
                process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(stopTimeout);
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"Azurite (pid {process.Id}) did not exit within {stopTimeout.TotalSeconds} s.");
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>
    /// A persistent Azurite saves its database on SIGINT (its only graceful stop); a kill would lose the last seconds of writes,
    /// which is not what an outage of real storage does. In-memory instances have nothing to save.
    /// </summary>
    private static async Task<bool> TryStopGracefullyAsync(Process process, bool persistent, TimeSpan stopTimeout)
    {
        if (!persistent || OperatingSystem.IsWindows())
        {
            return false;
        }

        using (var signal = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false }))
        {
            if (signal is null)
            {
                return false;
            }

            await signal.WaitForExitAsync().ConfigureAwait(false);
        }

        using var timeout = new CancellationTokenSource(stopTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
