using System.Buffers;
using StompFunctions.Protocol.Tests.Support;

namespace StompFunctions.Protocol.Tests.Parsing;

public class AllocationTests
{
    private static readonly byte[] TypicalSend = Wire.Bytes(
        "SEND\ndestination:/app/chat/room-1\ncontent-type:application/json\ncontent-length:37\nreceipt:r-17\n\n" +
        "{\"user\":\"ada\",\"text\":\"hello, world!\"}^@");

    [Fact]
    public void ParsingATypicalSendAllocatesNothing()
    {
        var frameReader = new StompFrameReader(StompVersion.V1_2);
        var sequence = new ReadOnlySequence<byte>(TypicalSend);
        ReadAndLookUp(frameReader, sequence); // JIT and static initialisation happen outside the measurement.

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            ReadAndLookUp(frameReader, sequence);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ParsingATypicalSendFromContiguousMemoryAllocatesNothing()
    {
        var frameReader = new StompFrameReader(StompVersion.V1_2);
        frameReader.TryRead(TypicalSend, out _, out _, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            frameReader.TryRead(TypicalSend, out _, out _, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void WritingAMessageIntoAPreparedBufferAllocatesNothing()
    {
        new StompFrameReader(StompVersion.V1_2).TryRead(TypicalSend, out var send, out _, out _);
        var buffer = new ArrayBufferWriter<byte>(4096);
        WriteMessage(buffer, send);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            buffer.ResetWrittenCount();
            WriteMessage(buffer, send);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void ReadAndLookUp(StompFrameReader frameReader, ReadOnlySequence<byte> sequence)
    {
        var reader = new SequenceReader<byte>(sequence);
        var status = frameReader.TryRead(ref reader, out var frame, out _);
        if (status != OperationStatus.Done || !frame.Headers.TryGetHeader("destination"u8, out _) || frame.Body.Length != 37)
        {
            throw new InvalidOperationException("typical SEND did not parse");
        }
    }

    private static void WriteMessage(ArrayBufferWriter<byte> buffer, in StompFrame send)
    {
        var w = StompFrameWriter.Begin(buffer, StompVersion.V1_2, StompCommand.Message);
        w.WriteHeader("subscription"u8, "sub-0"u8);
        w.WriteHeader("message-id"u8, 42);
        w.CopyHeaders(send.Headers);
        w.End(send.Body.Span);
    }
}
