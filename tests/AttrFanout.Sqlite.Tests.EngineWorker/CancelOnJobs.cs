using System.Text.Json.Serialization;
using AttrFanout;
using AttrFanout.FlowControl;
using AttrFanout.Generated;
using AttrFanout.Triggers;

namespace AttrFanout.Sqlite.Tests.EngineWorker;

/// <summary>A welcome sequence for a user, which the user's removal cancels.</summary>
public sealed record WelcomeSequence(string UserId) : IEventPayload
{
    public static string EventName => "cancel-on/welcome";
}

/// <summary>A user removed: cancels the user's welcome sequence.</summary>
public sealed record UserRemoved(string UserId) : IEventPayload
{
    public static string EventName => "cancel-on/user-removed";
}

[JsonSerializable(typeof(WelcomeSequence))]
[JsonSerializable(typeof(UserRemoved))]
internal sealed partial class CancelOnJobJsonContext : JsonSerializerContext;

/// <summary>
/// The function built by hand with the rule the generator emits for <c>[CancelOn("cancel-on/user-removed", Match = "UserId")]</c>.
/// Each execution says "started {run} ok" on stdout and waits for its token; once it fires it says "cancelled {run} ok".
/// </summary>
public static class CancelOnJobs
{
    public const string FunctionId = "cancel-on-welcome";

    public static readonly IFanoutModule Module = new CancelOnModule();

    private static async ValueTask RunAsync(FunctionContext context, CancellationToken cancellationToken)
    {
        Console.WriteLine($"started {context.RunId} ok");
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.WriteLine($"cancelled {context.RunId} ok");
            throw;
        }
    }

    private sealed class CancelOnModule : IFanoutModule
    {
        public string AssemblyName => "AttrFanout.Sqlite.Tests.EngineWorker.CancelOn";

        public void Register(FanoutModuleBuilder builder)
        {
            builder.AddEvent(new EventDescriptor<WelcomeSequence>(WelcomeSequence.EventName, CancelOnJobJsonContext.Default));
            builder.AddEvent(new EventDescriptor<UserRemoved>(UserRemoved.EventName, CancelOnJobJsonContext.Default));
            builder.AddFunction(new FunctionDescriptor<WelcomeSequence>(FunctionId, WelcomeSequence.EventName, static (_, _, context, ct) => RunAsync(context, ct))
            {
                Handler = "AttrFanout.Sqlite.Tests.EngineWorker.CancelOnJobs.RunAsync",
                Retries = 0,
                CancelOn =
                [
                    new CancelOnRule(UserRemoved.EventName)
                    {
                        RunKey = new PayloadKey("UserId", static payload => ((WelcomeSequence)payload).UserId),
                        CancellingKey = new PayloadKey("UserId", static payload => ((UserRemoved)payload).UserId),
                    },
                ],
            });
        }
    }
}
