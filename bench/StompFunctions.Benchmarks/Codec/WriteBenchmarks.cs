using System.Buffers;
using BenchmarkDotNet.Attributes;
using StompFunctions.Protocol;

namespace StompFunctions.Benchmarks.Codec;

/// <summary>
/// Writing frames with <see cref="StompFrameWriter"/> into a reused buffer. The 200-byte SEND is written from
/// literals; the others copy a parsed frame's headers and body, as the engine does when it turns a SEND
/// into a MESSAGE per route.
/// </summary>
[MemoryDiagnoser]
public class WriteBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024 * 1024);
    private byte[] _body200 = [];
    private StompFrame[] _message4K = [];
    private StompFrame[] _binary512K = [];
    private StompFrame[] _batch10 = [];

    [GlobalSetup]
    public void Setup()
    {
        _message4K = Parse(CodecCorpus.Message4K);
        _binary512K = Parse(CodecCorpus.Binary512K);
        _batch10 = Parse(CodecCorpus.Batch10);
        _body200 = Parse(CodecCorpus.Send200)[0].Body.ToArray();
    }

    [Benchmark(Baseline = true)]
    public int WriteSend200()
    {
        _buffer.ResetWrittenCount();
        var writer = StompFrameWriter.Begin(_buffer, StompVersion.V1_2, StompCommand.Send);
        writer.WriteHeader("destination"u8, "/app/chat/room-42"u8);
        writer.WriteHeader("content-type"u8, "application/json"u8);
        writer.WriteHeader("receipt"u8, "r-1024"u8);
        writer.End(_body200);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int WriteMessage4K() => WriteAll(_message4K);

    [Benchmark]
    public int WriteBinary512K() => WriteAll(_binary512K);

    /// <summary>Per frame: the batch holds ten frames.</summary>
    [Benchmark(OperationsPerInvoke = CodecCorpus.Batch10Frames)]
    public int WriteBatch10PerFrame() => WriteAll(_batch10);

    private int WriteAll(StompFrame[] frames)
    {
        _buffer.ResetWrittenCount();
        foreach (var frame in frames)
        {
            StompFrameWriter.Write(_buffer, StompVersion.V1_2, frame);
        }

        return _buffer.WrittenCount;
    }

    private static StompFrame[] Parse(byte[] payload)
    {
        var reader = new StompFrameReader(StompVersion.V1_2);
        var frames = new List<StompFrame>();
        var offset = 0;
        while (reader.TryRead(payload.AsMemory(offset), out var frame, out _, out var consumed) == OperationStatus.Done)
        {
            frames.Add(frame);
            offset += consumed;
        }

        return [.. frames];
    }
}
