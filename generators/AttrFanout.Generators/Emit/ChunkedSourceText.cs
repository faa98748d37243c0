using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace AttrFanout.Generators.Emit;

/// <summary>The source text of a generated file, read straight from the chunks it was written into.</summary>
internal sealed class ChunkedSourceText(TextChunks chunks) : SourceText
{
    public override Encoding Encoding => Encoding.UTF8;

    public override int Length => chunks.Length;

    public override char this[int position] =>
        position >= 0 && position < chunks.Length ? chunks[position] : throw new ArgumentOutOfRangeException(nameof(position));

    public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
    {
        if (sourceIndex < 0 || count < 0 || sourceIndex > chunks.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(sourceIndex));
        }

        chunks.CopyTo(sourceIndex, destination, destinationIndex, count);
    }
}
