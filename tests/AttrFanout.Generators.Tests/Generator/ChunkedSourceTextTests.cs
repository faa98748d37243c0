using System.Text;
using AttrFanout.Generators.Emit;
using Microsoft.CodeAnalysis.CSharp;

namespace AttrFanout.Generators.Tests.Generator;

/// <summary>A generated file handed to the compiler from the chunks it was written into reads exactly as the text written.</summary>
public sealed class ChunkedSourceTextTests
{
    [Fact]
    public void A_file_longer_than_several_chunks_reads_back_character_for_character()
    {
        var (writer, expected) = WriteLines(3 * TextChunks.ChunkSize / 20);

        var text = writer.ToSourceText();

        Assert.Equal(expected.Length, text.Length);
        Assert.Equal(expected, text.ToString());
        Assert.Equal(expected, writer.ToString());
        Assert.Equal(Encoding.UTF8, text.Encoding);
    }

    [Fact]
    public void A_span_across_a_chunk_boundary_and_a_single_character_past_it_read_as_in_the_text()
    {
        var (writer, expected) = WriteLines(3 * TextChunks.ChunkSize / 20);
        var text = writer.ToSourceText();
        var start = TextChunks.ChunkSize - 7;

        var span = new char[30];
        text.CopyTo(start, span, 0, span.Length);

        Assert.Equal(expected.Substring(start, span.Length), new string(span));
        Assert.Equal(expected[TextChunks.ChunkSize], text[TextChunks.ChunkSize]);
        Assert.Equal(expected[2 * TextChunks.ChunkSize + 1], text[2 * TextChunks.ChunkSize + 1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => text[expected.Length]);
        Assert.Throws<ArgumentOutOfRangeException>(() => text.CopyTo(expected.Length - 3, span, 0, 4));
    }

    [Fact]
    public void The_compiler_parses_it_into_the_lines_and_members_written()
    {
        var (writer, expected) = WriteLines(2_000);

        var tree = CSharpSyntaxTree.ParseText(writer.ToSourceText());

        Assert.Equal(expected.Split('\n').Length, tree.GetText().Lines.Count);
        Assert.Empty(tree.GetDiagnostics());
        Assert.Equal(2_000, tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.FieldDeclarationSyntax>().Count());
    }

    /// <summary>A class of <paramref name="count"/> indented field lines of varying length, and the same text built as one string.</summary>
    private static (SourceWriter Writer, string Expected) WriteLines(int count)
    {
        var writer = new SourceWriter();
        var expected = new StringBuilder();
        writer.OpenBlock("class Large");
        expected.Append("class Large\n{\n");
        for (var i = 0; i < count; i++)
        {
            var line = $"public const string Field{i} = \"{new string('x', i % 13)}\";";
            writer.WriteLine(line);
            expected.Append("    ").Append(line).Append('\n');
        }

        writer.CloseBlock();
        expected.Append("}\n");
        return (writer, expected.ToString());
    }
}
