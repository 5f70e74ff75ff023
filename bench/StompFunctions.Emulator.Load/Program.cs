using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using StompFunctions.Emulator.Load;

// Opens N WebSockets that all join one group (through the token's webpubsub.group claim), then times
// group sends: latency = time from the start of the REST call to the moment each socket received the message.
var options = LoadOptions.Parse(args);
var service = new ServiceConnection(options.ConnectionString);
var wsBase = new UriBuilder(service.Endpoint) { Scheme = service.Endpoint.Scheme == "https" ? "wss" : "ws", Path = "client/hubs/" + options.Hub }.Uri;
var clientToken = service.Sign(new Uri(service.Endpoint, "client/hubs/" + options.Hub).AbsoluteUri, TimeSpan.FromHours(2), group: "everyone");

Console.WriteLine($"Connecting {options.Connections} sockets to {wsBase} ({options.ConnectParallelism} at a time)...");
var sockets = new ClientWebSocket[options.Connections];
var received = new long[options.Connections];
var receivedRound = new int[options.Connections];
var deliveredTotal = 0L;
var connectWatch = Stopwatch.StartNew();
using (var gate = new SemaphoreSlim(options.ConnectParallelism))
{
    var connects = Enumerable.Range(0, options.Connections).Select(async i =>
    {
        await gate.WaitAsync();
        try
        {
            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await socket.ConnectAsync(new Uri(wsBase + "?access_token=" + clientToken), timeout.Token);
            sockets[i] = socket;
        }
        finally
        {
            gate.Release();
        }
    });
    await Task.WhenAll(connects);
}

Console.WriteLine($"Connected {options.Connections} sockets in {connectWatch.Elapsed.TotalSeconds:F1} s.");

var receivers = Enumerable.Range(0, options.Connections).Select(i => Task.Run(async () =>
{
    var buffer = new byte[options.PayloadBytes + 64];
    while (sockets[i].State == WebSocketState.Open)
    {
        WebSocketReceiveResult result;
        try
        {
            result = await sockets[i].ReceiveAsync(buffer, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        if (result.MessageType == WebSocketMessageType.Close)
        {
            return;
        }

        if (result.EndOfMessage)
        {
            Volatile.Write(ref received[i], Stopwatch.GetTimestamp());
            Interlocked.Increment(ref receivedRound[i]);
            Interlocked.Increment(ref deliveredTotal);
        }
    }
})).ToArray();

using var http = new HttpClient { BaseAddress = service.Endpoint, Timeout = TimeSpan.FromSeconds(30) };
var payload = new byte[options.PayloadBytes];
Array.Fill(payload, (byte)'x');
var allLatencies = new List<double>(options.Connections * options.Rounds);
Console.WriteLine("round  p50_ms  p99_ms  max_ms  rest_ms  server_cpu_ms  client_cpu_ms  delivered");
var self = Process.GetCurrentProcess();
for (var round = 1; round <= options.Rounds; round++)
{
    var path = $"api/hubs/{options.Hub}/groups/everyone/:send?api-version=2024-01-01";
    using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(payload) };
    request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", service.Sign(new Uri(service.Endpoint, path).AbsoluteUri, TimeSpan.FromMinutes(5)));

    var serverCpuBefore = CpuTime.OfProcess(options.ServerPid);
    self.Refresh();
    var clientCpuBefore = self.TotalProcessorTime;
    var start = Stopwatch.GetTimestamp();
    using var response = await http.SendAsync(request);
    var restMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    response.EnsureSuccessStatusCode();

    // Bounded wait for every socket to have received this round's message.
    var deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 10);
    var expected = (long)round * options.Connections;
    while (Interlocked.Read(ref deliveredTotal) < expected && Stopwatch.GetTimestamp() < deadline)
    {
        await Task.Delay(5);
    }

    var latencies = new List<double>(options.Connections);
    for (var i = 0; i < options.Connections; i++)
    {
        if (receivedRound[i] >= round)
        {
            latencies.Add(Stopwatch.GetElapsedTime(start, Volatile.Read(ref received[i])).TotalMilliseconds);
        }
    }

    var serverCpuMs = (CpuTime.OfProcess(options.ServerPid) - serverCpuBefore).TotalMilliseconds;
    self.Refresh();
    var clientCpuMs = (self.TotalProcessorTime - clientCpuBefore).TotalMilliseconds;
    latencies.Sort();
    allLatencies.AddRange(latencies);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{round,5}  {Percentile(latencies, 0.50),6:F1}  {Percentile(latencies, 0.99),6:F1}  {latencies[^1],6:F1}  {restMs,7:F1}  {serverCpuMs,13:F0}  {clientCpuMs,13:F0}  {latencies.Count}/{options.Connections}"));
    await Task.Delay(200);
}

allLatencies.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"ALL    p50 {Percentile(allLatencies, 0.50):F1} ms  p99 {Percentile(allLatencies, 0.99):F1} ms  max {allLatencies[^1]:F1} ms over {allLatencies.Count} deliveries ({options.Rounds} rounds x {options.Connections} sockets)"));

foreach (var socket in sockets)
{
    socket.Abort();
    socket.Dispose();
}

await Task.WhenAll(receivers);
return 0;

static double Percentile(List<double> sorted, double p) =>
    sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
