using BenchmarkDotNet.Running;
using StompFunctions.Benchmarks.Codec;

// `-- --compare-stompjs [seconds]` runs the side-by-side parser comparison with Node; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "--compare-stompjs")
{
    return StompjsComparison.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
