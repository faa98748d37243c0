using AttrFanout.EndToEnd.Tests.Apps;
using AttrFanout.EndToEnd.Tests.Infrastructure;

namespace AttrFanout.EndToEnd.Tests;

[Collection(PackageCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ConsoleAppTests(PackageFixture package)
{
    [Fact]
    public async Task Every_function_subscribed_to_an_event_runs_in_an_app_built_from_the_package()
    {
        var scenario = package.Workspace.NewScenario("console");
        var app = TestProject.WriteApp(scenario, "SignupApp", package.Version, [], ConsoleApp.Sources);

        ProcessAssert.Succeeded(await DotNet.BuildAsync(app));
        var run = await DotNet.RunBuiltAsync(app);

        ProcessAssert.Succeeded(run);
        ProcessAssert.OutputContains(run, "runs: 3");
        foreach (var id in ConsoleApp.FunctionIds)
        {
            ProcessAssert.OutputContains(run, $"ran {id}");
        }

        ProcessAssert.OutputContains(run, "welcome u-42");
        ProcessAssert.OutputContains(run, "audit saw user/signup u-42");
    }
}
