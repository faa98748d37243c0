using System.Runtime.CompilerServices;

namespace AttrFanout.Generators.Emit;

/// <summary>
/// Writes an interpolated line straight into its <see cref="SourceWriter"/>, part by part, so no string is built for the line.
/// Values are formatted as string interpolation formats them.
/// </summary>
[InterpolatedStringHandler]
internal readonly struct SourceLineHandler
{
    private readonly SourceWriter _writer;

    public SourceLineHandler(int literalLength, int formattedCount, SourceWriter writer)
    {
        _writer = writer;
    }

    public void AppendLiteral(string value) => _writer.Write(value);

    public void AppendFormatted(string? value) => _writer.Write(value);

    public void AppendFormatted<T>(T value) => _writer.Write(value is IFormattable formattable ? formattable.ToString(null, null) : value?.ToString());
}
