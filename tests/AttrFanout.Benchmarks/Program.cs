using AttrFanout.Benchmarks.Overload;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

if (args is ["overload", ..])
{
    var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20;
    return await OverloadSampler.RunAsync(TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(1), producers: 2);
}

if (args is ["allocs"])
{
    await AttrFanout.Benchmarks.Allocations.AllocationProbe.RunAsync();
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance.WithOptions(ConfigOptions.DisableOptimizationsValidator));
return 0;
