using System.Globalization;
using StompFunctions.Protocol;

namespace StompFunctions.Benchmarks.Tables;

/// <summary>
/// Counts the Table requests each frame type costs (reads = GET, writes = everything else, a transaction
/// being one), through the engine on the Table store, and prints them as a Markdown table.
/// </summary>
internal static class TableRequestReport
{
    public const string Command = "--table-requests";

    public static async Task RunAsync(TextWriter output)
    {
        var bench = new TableFrameBench();

        // Warm up: tables are created once per process, which is not a per-frame cost.
        await bench.PrepareAsync("warm-up");
        var (connected, subscribed) = await bench.PrepareAsync("reporter");

        await output.WriteLineAsync("| frame | reads | writes | reply |");
        await output.WriteLineAsync("|---|---|---|---|");
        await Measure(output, bench, "CONNECT", () => TableFrameBench.ConnectAsync(bench, "reporter"));
        await Measure(output, bench, "SUBSCRIBE (new route)", () => bench.RunAsync("reporter-2", connected, bench.Subscribe));
        await Measure(output, bench, "SUBSCRIBE (existing route)", () => bench.RunAsync("reporter", connected, bench.Subscribe));
        await Measure(output, bench, "SEND (1 route)", () => bench.RunAsync("reporter", subscribed, bench.Send));
        await Measure(output, bench, "UNSUBSCRIBE", () => bench.RunAsync("reporter", subscribed, TableFrameBench.Unsubscribe));
        await Measure(output, bench, "DISCONNECT (1 subscription)", () => bench.RunAsync("reporter", subscribed, TableFrameBench.Disconnect));

        // The member rows go when Web PubSub reports the connection closed, not at the DISCONNECT frame.
        bench.Counter.Reset();
        await bench.Engine.HandleDisconnectedAsync("reporter", subscribed);
        await Write(output, bench, "disconnected event (1 subscription)", "(no reply)");
    }

    private static async Task Measure(TextWriter output, TableFrameBench bench, string name, Func<ValueTask<Broker.StompMessageResult>> frame)
    {
        bench.Counter.Reset();
        var result = await frame();
        var reply = result.Reply.IsEmpty ? "(none)" : new StompFrameReader(StompVersion.V1_2).TryRead(result.Reply, out var f, out _, out _) == System.Buffers.OperationStatus.Done ? f.Command.GetName() : "?";
        await Write(output, bench, name, reply);
    }

    private static Task Write(TextWriter output, TableFrameBench bench, string name, string reply) =>
        output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| {name} | {bench.Counter.Reads} | {bench.Counter.Writes} | {reply} |"));
}
