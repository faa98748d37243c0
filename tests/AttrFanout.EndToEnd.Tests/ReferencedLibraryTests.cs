using AttrFanout.EndToEnd.Tests.Apps;
using AttrFanout.EndToEnd.Tests.Infrastructure;

namespace AttrFanout.EndToEnd.Tests;

[Collection(PackageCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class ReferencedLibraryTests(PackageFixture package)
{
    [Fact]
    public async Task AddAttrFanout_runs_the_functions_of_a_referenced_library_with_the_apps_own()
    {
        var scenario = package.Workspace.NewScenario("library");
        TestProject.WriteLibrary(scenario, ShopApps.LibraryName, package.Version, ShopApps.Library);
        var app = TestProject.WriteApp(scenario, "ShopApp", package.Version, [ShopApps.LibraryName], ShopApps.ReceiptApp);

        ProcessAssert.Succeeded(await DotNet.BuildAsync(app));
        var run = await DotNet.RunBuiltAsync(app);

        ProcessAssert.Succeeded(run);
        ProcessAssert.OutputContains(run, "runs: 3");
        foreach (var id in ShopApps.LibraryFunctionIds.Append("send-receipt"))
        {
            ProcessAssert.OutputContains(run, $"ran {id}");
        }
    }

    [Fact]
    public async Task A_function_Id_already_used_by_a_referenced_library_fails_the_build_with_AF0001()
    {
        var scenario = package.Workspace.NewScenario("duplicate-id");
        TestProject.WriteLibrary(scenario, ShopApps.LibraryName, package.Version, ShopApps.Library);
        var app = TestProject.WriteApp(scenario, "ShopApp", package.Version, [ShopApps.LibraryName], ShopApps.DuplicateIdApp);

        var build = await DotNet.BuildAsync(app);

        ProcessAssert.Failed(build);
        ProcessAssert.OutputContains(build, "AF0001");
    }
}
