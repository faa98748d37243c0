using System.Runtime.Loader;
using AttrFanout.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AttrFanout.Generators.Tests.Generator;

/// <summary>A referenced project's function keeps the pipeline its attribute names once an app composes the project's module.</summary>
public sealed class ReferencedPipelineTests
{
    private const string Library = """
        using AttrFanout;

        namespace Billing;

        [Event("billing/charge")] public sealed partial record ChargeRequested(string OrderId);

        public static class Charges
        {
            [OnEvent("billing/charge", Id = "charge-card", Pipeline = "payments")]
            public static void Charge(ChargeRequested charge) { }

            [OnEvent("billing/charge", Id = "record-charge")]
            public static void Record(ChargeRequested charge) { }
        }
        """;

    private const string App = """
        using System.Linq;
        using AttrFanout;
        using Microsoft.Extensions.DependencyInjection;

        public static class Probe
        {
            public static string PipelineOf(string functionId)
            {
                var services = new ServiceCollection();
                services.AddAttrFanout();
                var catalog = (FunctionCatalog)services.Single(static d => d.ServiceType == typeof(FunctionCatalog)).ImplementationInstance!;
                return catalog.TryGetFunction(functionId, out var function) ? function.Pipeline ?? "(none)" : "(no such function)";
            }
        }
        """;

    [Fact]
    public void The_app_registers_the_referenced_function_with_its_pipeline()
    {
        var library = TestCompilation.RunGenerator(TestCompilation.Create("Billing", Library)).Output;
        var app = TestCompilation.RunGenerator(TestCompilation.Create("Billing.App", [App], [TestCompilation.ToReference(library)])).Output;
        TestCompilation.AssertNoErrors(app);

        var context = new AssemblyLoadContext("referenced-pipeline", isCollectible: true);
        try
        {
            Load(context, library);
            var probe = Load(context, app).GetType("Probe", throwOnError: true)!.GetMethod("PipelineOf")!;

            Assert.Equal("payments", probe.Invoke(null, ["charge-card"]));
            Assert.Equal("(none)", probe.Invoke(null, ["record-charge"]));
        }
        finally
        {
            context.Unload();
        }
    }

    private static System.Reflection.Assembly Load(AssemblyLoadContext context, Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics));
        stream.Position = 0;
        return context.LoadFromStream(stream);
    }
}
