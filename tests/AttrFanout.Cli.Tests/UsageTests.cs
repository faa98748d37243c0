using AttrFanout.Cli.Tests.Infrastructure;

namespace AttrFanout.Cli.Tests;

/// <summary>Bad usage ends with exit code 2 and names what was wrong, before any target is opened.</summary>
public sealed class UsageTests
{
    [Theory]
    [InlineData("Unknown command 'list'", "list", "--sqlite", "x.db")]
    [InlineData("Unknown option '--stauts'", "runs", "--stauts", "failed")]
    [InlineData("Name the target", "runs")]
    [InlineData("Name one target", "runs", "--sqlite", "x.db", "--url", "http://localhost/attrfanout")]
    [InlineData("--limit needs a value", "runs", "--limit")]
    [InlineData("--url takes an http:// or https:// address", "runs", "--url", "localhost:5000")]
    public async Task Bad_usage_is_named_with_exit_code_2(string expected, params string[] args)
    {
        var result = await Tool.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        var result = await Tool.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.All(["functions", "runs show", "replay --failed", "cancel", "send"], command => Assert.Contains(command, result.Out));
    }
}
