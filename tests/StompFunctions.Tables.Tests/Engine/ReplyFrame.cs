using System.Buffers;
using StompFunctions.Protocol;

namespace StompFunctions.Tables.Tests.Engine;

/// <summary>A frame the engine wrote (a reply or a group delivery), decoded and detached from its buffer.</summary>
internal sealed record ReplyFrame(StompCommand Command, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body)
{
    private const int MaxFramesPerPayload = 10_000;

    public string? this[string name] => Headers.FirstOrDefault(h => h.Key == name).Value;

    public static IReadOnlyList<ReplyFrame> ParseAll(ReadOnlyMemory<byte> payload)
    {
        var frames = new List<ReplyFrame>();
        var reader = new StompFrameReader(StompVersion.V1_2);
        var offset = 0;
        for (var count = 0; count < MaxFramesPerPayload && offset < payload.Length; count++)
        {
            var status = reader.TryRead(payload[offset..], out var frame, out var failure, out var consumed);
            if (status != OperationStatus.Done)
            {
                Assert.True(status == OperationStatus.NeedMoreData && consumed == payload.Length - offset, $"The engine wrote an unparsable frame: {failure}");
                break;
            }

            frames.Add(new ReplyFrame(frame.Command, frame.Headers.ToList(), frame.GetBodyAsString()));
            offset += consumed;
        }

        return frames;
    }
}
