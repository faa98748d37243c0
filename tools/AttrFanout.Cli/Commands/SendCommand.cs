using System.Text.Json;
using AttrFanout.Cli.Output;
using AttrFanout.Cli.Parsing;
using AttrFanout.Cli.Targets;

namespace AttrFanout.Cli.Commands;

/// <summary><c>attrfanout send &lt;event-name&gt; --data '{json}' | --data @file.json [--id ID]</c>: one event.</summary>
internal static class SendCommand
{
    private const int MaxIdLength = 256;

    public static async Task<int> RunAsync(Invocation call)
    {
        var name = call.Operand(1, "event name: attrfanout send <event-name> --data '{json}'");
        call.NoMoreThan(2);
        if (!FanoutNames.IsValidEventName(name))
        {
            throw CliException.Usage($"'{name}' is not a valid event name: {FanoutNames.EventNameRule}.");
        }

        var id = call.Arguments.Value(OptionNames.Id) ?? Guid.NewGuid().ToString("N");
        if (id.Length is 0 or > MaxIdLength || id.Any(static c => c is <= ' ' or > '~'))
        {
            throw CliException.Usage($"--id takes 1 to {MaxIdLength} printable ASCII characters without spaces, e.g. 'order-42'.");
        }

        var data = ReadData(call.Arguments.Value(OptionNames.Data) ?? throw CliException.Usage("Missing --data: the event's payload as JSON, e.g. --data '{\"OrderId\":\"42\"}', or --data @order.json."));
        var result = await call.Target.SendAsync(new OutgoingEvent(name, id, data), call.Token).ConfigureAwait(false);
        call.Printer.Write<SentEvent>(result, CliJsonContext.Default.SentEvent, writer =>
        {
            if (result.Duplicate)
            {
                writer.WriteLine($"Duplicate: an event with Id {id} was already accepted; nothing new runs.");
                return;
            }

            writer.WriteLine($"Sent {name} as event {id}.");
            if (result.RunIds is { } runs)
            {
                writer.WriteLine(runs.Count == 0 ? "No function runs on it." : $"Runs: {string.Join(", ", runs)}");
            }

            if (result.StreamSequence is { } sequence)
            {
                writer.WriteLine($"Stored at stream sequence {sequence}; the app's functions take it from there.");
            }
        });
        return ExitCodes.Ok;
    }

    /// <summary>Reads <c>--data</c>: JSON, or <c>@file</c> holding it; bad JSON fails naming the line and position.</summary>
    private static JsonElement ReadData(string data)
    {
        var source = "--data";
        if (data.StartsWith('@'))
        {
            var path = data[1..];
            if (!File.Exists(path))
            {
                throw CliException.Usage($"No file at '{Path.GetFullPath(path)}' (--data @file).");
            }

            source = $"'{path}'";
            data = File.ReadAllText(path);
        }

        try
        {
            using var document = JsonDocument.Parse(data);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            var reason = e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.');
            throw CliException.Usage($"{source} is not valid JSON at line {(e.LineNumber ?? 0) + 1}, position {(e.BytePositionInLine ?? 0) + 1}: {reason}.");
        }
    }
}
