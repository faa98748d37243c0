using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "loop")
{
    await AttrFanout.Nats.Benchmarks.LoopRunner.RunAsync(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(AttrFanout.Nats.Benchmarks.JetStreamThroughputBenchmarks).Assembly).Run(args);
