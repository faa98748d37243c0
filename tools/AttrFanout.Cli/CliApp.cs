using System.Text.Json;
using AttrFanout.Cli.Commands;
using AttrFanout.Cli.Output;
using AttrFanout.Cli.Parsing;
using AttrFanout.Cli.Targets;
using Microsoft.Extensions.Options;
using NATS.Client.Core;

namespace AttrFanout.Cli;

/// <summary>The tool's entry point: parses, opens the target, runs the command, and turns every error into one line and an exit code.</summary>
internal static class CliApp
{
    private const int DefaultTimeoutSeconds = 30;

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        var secrets = new Secrets();
        var json = args.Contains(OptionNames.Json, StringComparer.Ordinal);
        try
        {
            var arguments = Arguments.Parse(args);
            if (arguments.Flag(OptionNames.Help) || arguments.Words is ["help", ..])
            {
                console.Out.WriteLine(HelpText.Usage);
                return ExitCodes.Ok;
            }

            if (arguments.Words.Count == 0)
            {
                console.Error.WriteLine(HelpText.Usage);
                return ExitCodes.Usage;
            }

            var command = Command(arguments.Words[0]);
            var timeout = arguments.Int(OptionNames.Timeout, 1, 3600) ?? DefaultTimeoutSeconds;
            using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bound.CancelAfter(TimeSpan.FromSeconds(timeout));
            var target = TargetFactory.Open(arguments, console.Environment, secrets);
            await using (target.ConfigureAwait(false))
            {
                try
                {
                    return await command(new Invocation(arguments, new Printer(console, json), target, bound.Token)).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (bound.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw CliException.Failed($"No answer from {target.Name} within {timeout} s (--timeout).");
                }
                catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
                {
                    throw CliException.Failed($"No answer from {target.Name} in time: {e.InnerException.Message}");
                }
                catch (HttpRequestException e)
                {
                    throw CliException.Failed($"Cannot reach {target.Name}: {e.Message}");
                }
                catch (NatsException e)
                {
                    throw CliException.Failed($"Cannot use {target.Name}: {e.Message}");
                }
            }
        }
        catch (CliException e)
        {
            return Fail(console, secrets, json, e.Message, e.ExitCode);
        }
        catch (Exception e) when (e is AttrFanoutConfigurationException or OptionsValidationException)
        {
            return Fail(console, secrets, json, e.Message, ExitCodes.Usage);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(console, secrets, json, "Interrupted.", ExitCodes.Failed);
        }
        catch (Exception e)
        {
            return Fail(console, secrets, json, $"{e.GetType().Name}: {e.Message}", ExitCodes.Failed);
        }
    }

    private static Func<Invocation, Task<int>> Command(string name) => name switch
    {
        "functions" => FunctionsCommand.RunAsync,
        "runs" => RunsCommand.RunAsync,
        "replay" => ReplayCommand.RunAsync,
        "cancel" => CancelCommand.RunAsync,
        "send" => SendCommand.RunAsync,
        _ => throw CliException.Usage($"Unknown command '{name}'. Commands: functions, runs, runs show, replay, cancel, send. See 'attrfanout --help'."),
    };

    private static int Fail(CliConsole console, Secrets secrets, bool json, string message, int exitCode)
    {
        message = secrets.Mask(message);
        console.Error.WriteLine(json
            ? JsonSerializer.Serialize(new CliError(message, exitCode), CliJsonContext.Default.CliError)
            : "attrfanout: " + message);
        return exitCode;
    }
}
