namespace AttrFanout.Cli.Parsing;

/// <summary>
/// The command line split into words (the command and its operands) and options: <c>--name value</c>,
/// <c>--name=value</c> or a flag <c>--name</c>; <c>--</c> ends the options.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private Arguments(List<string> words) => Words = words;

    /// <summary>Gets the words that are not options, in order: the command, then its operands.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <exception cref="CliException">An unknown option, or an option without its value.</exception>
    public static Arguments Parse(IReadOnlyList<string> args)
    {
        var arguments = new Arguments([]);
        var words = (List<string>)arguments.Words;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                words.AddRange(args.Skip(i + 1));
                break;
            }

            if (arg is "-h" or "-?")
            {
                arguments._flags.Add("--help");
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                words.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            if (OptionNames.Flags.Contains(name))
            {
                if (equals > 0)
                {
                    throw CliException.Usage($"{name} takes no value.");
                }

                arguments._flags.Add(name);
            }
            else if (OptionNames.Valued.Contains(name))
            {
                string value;
                if (equals > 0)
                {
                    value = arg[(equals + 1)..];
                }
                else if (i + 1 < args.Count)
                {
                    value = args[++i];
                }
                else
                {
                    throw CliException.Usage($"{name} needs a value.");
                }

                if (!arguments._values.TryGetValue(name, out var values))
                {
                    arguments._values[name] = values = [];
                }

                values.Add(value);
            }
            else
            {
                throw CliException.Usage($"Unknown option '{name}'. See 'attrfanout --help'.");
            }
        }

        return arguments;
    }

    /// <summary>Returns the option's last value, or <see langword="null"/> when it is not given.</summary>
    public string? Value(string name) => _values.TryGetValue(name, out var values) ? values[^1] : null;

    /// <summary>Returns every value the option was given, in order.</summary>
    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var values) ? values : [];

    /// <summary>Returns whether the flag is given.</summary>
    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>Returns whether the option is given, as a flag or with a value.</summary>
    public bool Has(string name) => _flags.Contains(name) || _values.ContainsKey(name);

    /// <summary>Returns the option's value as a whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    /// <exception cref="CliException">The value is not such a number.</exception>
    public int? Int(string name, int min, int max)
    {
        if (Value(name) is not { } text)
        {
            return null;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw CliException.Usage($"{name} takes a whole number from {min} to {max}, not '{text}'.");
    }
}
