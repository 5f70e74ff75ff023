using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using StompFunctions.Protocol;

namespace StompFunctions.Benchmarks.Codec;

/// <summary>
/// Side by side in one run: our reader and stompjs's own <c>Parser</c> (run with Node) over the same corpus
/// files, each on one thread for the same time, reported as frames/s and the ratio. A load tool, not a
/// BenchmarkDotNet job, because one side runs in another process.
/// </summary>
public static class StompjsComparison
{
    private const int FramesPerCorpus = 1000;

    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3.0;
        var root = FindRepositoryRoot();
        var script = Path.Combine(root, "bench", "stompjs-parser", "parse-corpus.mjs");
        var corpora = new (string Name, byte[] Frames, int FrameCount)[]
        {
            ("200-byte SEND", Repeat(CodecCorpus.Send200, FramesPerCorpus), FramesPerCorpus),
            ("4 KiB MESSAGE", Repeat(CodecCorpus.Message4K, FramesPerCorpus / 10), FramesPerCorpus / 10),
            ("10-frame batch", Repeat(CodecCorpus.Batch10, FramesPerCorpus / 10), FramesPerCorpus),
        };

        Console.WriteLine("Rates per wall-clock second and per CPU second of each process (the fair figure when the machine is shared).");
        Console.WriteLine("| corpus | ours (frames/s) | stompjs (frames/s) | ratio | ours (frames/CPU-s) | stompjs (frames/CPU-s) | ratio (CPU) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var directory = Directory.CreateTempSubdirectory("stomp-corpus-");
        try
        {
            foreach (var (name, frames, frameCount) in corpora)
            {
                var file = Path.Combine(directory.FullName, "corpus.stomp");
                File.WriteAllBytes(file, frames);
                var ours = MeasureOurs(frames, frameCount, seconds);
                var theirs = MeasureStompjs(root, script, file, frameCount, seconds);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {name} | {ours.Wall:N0} | {theirs.Wall:N0} | {ours.Wall / theirs.Wall:N1}x | {ours.Cpu:N0} | {theirs.Cpu:N0} | {ours.Cpu / theirs.Cpu:N1}x |"));
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        return 0;
    }

    private static (double Wall, double Cpu) MeasureOurs(byte[] corpus, int expectedFrames, double seconds)
    {
        var reader = new StompFrameReader(StompVersion.V1_2);
        var sequence = new ReadOnlySequence<byte>(corpus);
        if (Pass(reader, sequence) != expectedFrames)
        {
            throw new InvalidOperationException("our reader did not find every frame of the corpus");
        }

        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed.TotalSeconds < 0.5)
        {
            Pass(reader, sequence);
        }

        long frames = 0;
        using var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            frames += Pass(reader, sequence);
        }

        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuStart).TotalSeconds;
        return (frames / wall, frames / cpu);
    }

    private static int Pass(StompFrameReader frameReader, ReadOnlySequence<byte> corpus)
    {
        var reader = new SequenceReader<byte>(corpus);
        var frames = 0;
        while (frameReader.TryRead(ref reader, out _, out _) == OperationStatus.Done)
        {
            frames++;
        }

        return frames;
    }

    private static (double Wall, double Cpu) MeasureStompjs(string root, string script, string corpusFile, int expectedFrames, double seconds)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(corpusFile);
        start.ArgumentList.Add(seconds.ToString(CultureInfo.InvariantCulture));
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = node.StandardOutput.ReadToEnd();
        var errors = node.StandardError.ReadToEnd();
        if (!node.WaitForExit(TimeSpan.FromSeconds(seconds + 60)) || node.ExitCode != 0)
        {
            throw new InvalidOperationException($"stompjs run failed: {errors}");
        }

        using var result = JsonDocument.Parse(output);
        if (result.RootElement.GetProperty("framesPerPass").GetInt32() != expectedFrames)
        {
            throw new InvalidOperationException("stompjs did not find every frame of the corpus");
        }

        return (result.RootElement.GetProperty("framesPerSecond").GetDouble(), result.RootElement.GetProperty("framesPerCpuSecond").GetDouble());
    }

    private static byte[] Repeat(byte[] payload, int times)
    {
        var corpus = new byte[payload.Length * times];
        for (var i = 0; i < times; i++)
        {
            payload.CopyTo(corpus, i * payload.Length);
        }

        return corpus;
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "StompFunctions.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("run from inside the repository");
    }
}
