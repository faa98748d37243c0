using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AttrFanout.Cli.Output;

/// <summary>Writes a command's result: as JSON with <c>--json</c>, else as text for people.</summary>
internal sealed class Printer(CliConsole console, bool json)
{
    public bool Json => json;

    public TextWriter Out => console.Out;

    /// <summary>Writes the JSON of <paramref name="value"/> with <c>--json</c>, else calls <paramref name="text"/>.</summary>
    public void Write<T>(T value, JsonTypeInfo<T> type, Action<TextWriter> text)
    {
        if (json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(value, type));
        }
        else
        {
            text(console.Out);
        }
    }

    /// <summary>Writes a note (what a listing leaves out, what to do next) to standard error, so JSON on standard output stays clean.</summary>
    public void Note(string note) => console.Error.WriteLine(note);
}
