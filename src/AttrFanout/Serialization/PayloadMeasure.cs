using System.Buffers;
using System.Text.Json;

namespace AttrFanout;

/// <summary>
/// Measures how many bytes of UTF-8 JSON a payload takes without keeping them: one writer per thread and set of
/// writer options, writing into a scratch buffer it reuses, so a store that keeps payloads as objects can still have
/// <see cref="AttrFanoutOptions.MaxPayloadBytes"/> enforced without an array per send.
/// </summary>
internal sealed class PayloadMeasure : IBufferWriter<byte>
{
    [ThreadStatic]
    private static PayloadMeasure? t_current;

    private readonly Utf8JsonWriter _writer;
    private readonly JsonWriterOptions _options;
    private byte[] _scratch = new byte[4096];

    private PayloadMeasure(JsonWriterOptions options)
    {
        _options = options;
        _writer = new Utf8JsonWriter(this, options);
    }

    /// <summary>Gets this thread's writer for <paramref name="options"/>, reset and ready.</summary>
    public static Utf8JsonWriter Writer(JsonSerializerOptions options)
    {
        var writerOptions = new JsonWriterOptions
        {
            Encoder = options.Encoder,
            Indented = options.WriteIndented,
            IndentCharacter = options.IndentCharacter,
            IndentSize = options.IndentSize,
            NewLine = options.NewLine,
            MaxDepth = options.MaxDepth,
            SkipValidation = true,
        };
        var current = t_current;
        if (current is null || !SameOptions(current._options, writerOptions))
        {
            t_current = current = new PayloadMeasure(writerOptions);
        }

        current._writer.Reset(current);
        return current._writer;
    }

    public void Advance(int count)
    {
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Scratch(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Scratch(sizeHint);

    private static bool SameOptions(JsonWriterOptions a, JsonWriterOptions b) =>
        ReferenceEquals(a.Encoder, b.Encoder) && a.Indented == b.Indented && a.IndentCharacter == b.IndentCharacter
        && a.IndentSize == b.IndentSize && a.NewLine == b.NewLine && a.MaxDepth == b.MaxDepth;

    private byte[] Scratch(int sizeHint)
    {
        if (sizeHint > _scratch.Length)
        {
            _scratch = new byte[Math.Max(sizeHint, _scratch.Length * 2)];
        }

        return _scratch;
    }
}
