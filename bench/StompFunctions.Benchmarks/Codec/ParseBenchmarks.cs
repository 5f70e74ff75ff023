using System.Buffers;
using BenchmarkDotNet.Attributes;
using StompFunctions.Protocol;

namespace StompFunctions.Benchmarks.Codec;

/// <summary>Reading frames with <see cref="StompFrameReader"/> from one contiguous payload, as the upstream endpoint does.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private readonly StompFrameReader _reader = new(StompVersion.V1_2);
    private readonly ReadOnlySequence<byte> _send200 = new(CodecCorpus.Send200);
    private readonly ReadOnlySequence<byte> _message4K = new(CodecCorpus.Message4K);
    private readonly ReadOnlySequence<byte> _binary512K = new(CodecCorpus.Binary512K);
    private readonly ReadOnlySequence<byte> _batch10 = new(CodecCorpus.Batch10);

    [Benchmark(Baseline = true)]
    public int ParseSend200() => ReadAll(_send200);

    /// <summary>The same frame through the contiguous overload the upstream endpoint uses on a request body.</summary>
    [Benchmark]
    public int ParseSend200Contiguous()
    {
        var status = _reader.TryRead(CodecCorpus.Send200, out var frame, out _, out var consumed);
        return status == OperationStatus.Done ? consumed + frame.Body.Length : -1;
    }

    [Benchmark]
    public int ParseMessage4K() => ReadAll(_message4K);

    [Benchmark]
    public int ParseBinary512K() => ReadAll(_binary512K);

    /// <summary>Per frame: the batch holds ten frames.</summary>
    [Benchmark(OperationsPerInvoke = CodecCorpus.Batch10Frames)]
    public int ParseBatch10PerFrame() => ReadAll(_batch10);

    private int ReadAll(ReadOnlySequence<byte> payload)
    {
        var reader = new SequenceReader<byte>(payload);
        var frames = 0;
        while (_reader.TryRead(ref reader, out var frame, out _) == OperationStatus.Done)
        {
            frames += frame.Body.Length >= 0 ? 1 : 0;
        }

        return frames;
    }
}
