using AttrFanout.Cli.Output;
using AttrFanout.Cli.Parsing;
using AttrFanout.Cli.Targets;

namespace AttrFanout.Cli.Commands;

/// <summary>One command's inputs: its arguments, where it writes, the target it works on, and the bound of its waits.</summary>
internal sealed record Invocation(Arguments Arguments, Printer Printer, ITarget Target, CancellationToken Token)
{
    /// <summary>Returns the operand at <paramref name="index"/> (0 is the command), or fails naming what is missing.</summary>
    public string Operand(int index, string what) =>
        Arguments.Words.Count > index ? Arguments.Words[index] : throw CliException.Usage($"Missing {what}. See 'attrfanout --help'.");

    /// <summary>Fails when there are more operands than <paramref name="count"/>.</summary>
    public void NoMoreThan(int count)
    {
        if (Arguments.Words.Count > count)
        {
            throw CliException.Usage($"Unexpected '{Arguments.Words[count]}'. See 'attrfanout --help'.");
        }
    }
}
