using System.Net.WebSockets;
using StompFunctions.Emulator.Connections;

namespace StompFunctions.Emulator.Tests;

/// <summary>A client that stops reading holds at most its byte bound of memory and never slows the others.</summary>
public sealed class SlowClientTests
{
    private const int MessageBytes = 60_000;          // a server frame of this size has a 4-byte header
    private const long QueueBound = 1024 * 1024;

    [Fact]
    public void A_client_that_stops_reading_is_dropped_at_its_byte_bound_while_others_receive_everything()
    {
        using var paused = new PausedStream();
        var slow = Connection("slow", paused);
        var readers = Enumerable.Range(0, 3).Select(_ => new MemoryStream()).ToList();
        var fast = readers.Select((stream, i) => Connection("fast" + i, stream)).ToList();
        var payload = new byte[MessageBytes];
        long mostQueued = 0;

        // 200 messages of 60 KB = 12 MB for each receiver, twelve times the slow client's bound.
        for (var i = 0; i < 200; i++)
        {
            FanOut.Send([slow, .. fast], include: null, payload, binary: true);
            mostQueued = Math.Max(mostQueued, slow.QueuedBytes);
        }

        Assert.InRange(mostQueued, QueueBound - MessageBytes - 64, QueueBound);
        Assert.True(slow.DroppedAsTooSlow);
        Assert.True(slow.Aborted.IsCancellationRequested);
        Assert.Equal(0, slow.QueuedBytes);
        Assert.All(readers, stream => Assert.Equal(200L * (MessageBytes + 4), stream.Length));
        Assert.All(fast, connection => Assert.False(connection.DroppedAsTooSlow));
        paused.Resume();
    }

    [Fact]
    public void Many_empty_messages_are_bounded_too()
    {
        using var paused = new PausedStream();
        var slow = Connection("slow", paused);

        var accepted = 0;
        for (var i = 0; i < 100_000 && !slow.DroppedAsTooSlow; i++)
        {
            accepted += slow.TrySend(ReadOnlyMemory<byte>.Empty, binary: false) ? 1 : 0;
        }

        // One message is on the (stuck) wire; the queue holds what fits at 64 bytes apiece.
        Assert.True(slow.DroppedAsTooSlow);
        Assert.Equal(1 + (QueueBound / 64), accepted);
        paused.Resume();
    }

    private static ClientConnection Connection(string id, Stream stream) =>
        new("hub", id, null, [], null, null, WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true }), QueueBound);

    /// <summary>A socket whose peer stopped reading: the first write never completes until the test resumes it.</summary>
    private sealed class PausedStream : Stream
    {
        private readonly TaskCompletionSource _resumed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public void Resume() => _resumed.TrySetResult();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            new(_resumed.Task);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _resumed.Task;

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => 0;

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _resumed.TrySetResult();
            base.Dispose(disposing);
        }
    }
}
