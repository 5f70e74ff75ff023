using StompFunctions.Protocol;

namespace StompFunctions.Broker.Tests.Support;

/// <summary>A frame decoded from engine output, detached from its buffer, with headers as a list.</summary>
internal sealed record ParsedFrame(StompCommand Command, IReadOnlyList<KeyValuePair<string, string>> HeaderList, byte[] Body)
{
    public string? this[string name] => HeaderList.FirstOrDefault(h => h.Key == name).Value;

    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    public bool Has(string name) => HeaderList.Any(h => h.Key == name);

    public static IReadOnlyList<ParsedFrame> ParseAll(ReadOnlyMemory<byte> bytes, StompVersion version = StompVersion.V1_2)
    {
        var frames = new List<ParsedFrame>();
        var reader = new StompFrameReader(version);
        var offset = 0;
        for (var guard = 0; guard < 1000 && offset < bytes.Length; guard++)
        {
            var status = reader.TryRead(bytes[offset..], out var frame, out var failure, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                Assert.True(status == System.Buffers.OperationStatus.NeedMoreData && consumed == bytes.Length - offset, $"unparsable output: {failure}");
                break;
            }

            frames.Add(new ParsedFrame(frame.Command, frame.Headers.ToList(), frame.Body.ToArray()));
            offset += consumed;
        }

        return frames;
    }
}
