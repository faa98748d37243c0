using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(AttrFanout.Nats.Benchmarks.JetStreamThroughputBenchmarks).Assembly).Run(args);
