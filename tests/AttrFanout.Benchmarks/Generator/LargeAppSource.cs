using System.Text;

namespace AttrFanout.Benchmarks.Generator;

/// <summary>Writes the source of an app with many events and functions, for the generator benchmark.</summary>
internal static class LargeAppSource
{
    public static IEnumerable<string> Create(int events, int functions)
    {
        var eventsSource = new StringBuilder("using AttrFanout;\nnamespace Large.Events;\n");
        for (var e = 0; e < events; e++)
        {
            eventsSource.Append($"[Event(\"large/event-{e}\")] public sealed partial record Event{e}(string Id, int Value);\n");
        }

        yield return eventsSource.ToString();

        const int FunctionsPerFile = 50;
        for (var file = 0; file * FunctionsPerFile < functions; file++)
        {
            var source = new StringBuilder("using System.Threading;\nusing System.Threading.Tasks;\nusing AttrFanout;\nusing Large.Events;\nnamespace Large.Functions;\n");
            source.Append($"public sealed class Handlers{file}\n{{\n");
            for (var f = file * FunctionsPerFile; f < Math.Min(functions, (file + 1) * FunctionsPerFile); f++)
            {
                var e = f % events;
                source.Append(f % 2 == 0
                    ? $"    [OnEvent(\"large/event-{e}\", Id = \"function-{f}\", Retries = {f % 6})] public Task F{f}(Event{e} payload, CancellationToken ct) => Task.CompletedTask;\n"
                    : $"    [OnEvent(\"large/event-{e}\", Id = \"function-{f}\")] public static ValueTask F{f}(Event<Event{e}> evt, FunctionContext context) => default;\n");
            }

            source.Append("}\n");
            yield return source.ToString();
        }
    }
}
