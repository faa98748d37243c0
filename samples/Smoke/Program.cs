using AttrFanout;
using Microsoft.Extensions.DependencyInjection;

var services = new ServiceCollection().AddLogging().AddSingleton<Counter>().AddAttrFanout().BuildServiceProvider();
var sender = services.GetRequiredService<IEventSender>();
var result = await sender.SendAsync(new UserSignedUp("u1", "ada@example.com"));
await services.GetRequiredService<Counter>().Done.Task.WaitAsync(TimeSpan.FromSeconds(5));
Console.WriteLine($"event {result.EventId}: {result.RunIds.Count} runs");

[Event("user/signup")]
public sealed partial record UserSignedUp(string UserId, string Email);

public sealed class Counter
{
    private int _count;
    public TaskCompletionSource Done { get; } = new();
    public void Hit(string who) { Console.WriteLine(who); if (Interlocked.Increment(ref _count) == 3) Done.SetResult(); }
}

public sealed class Welcome(Counter counter)
{
    [OnEvent("user/signup", Id = "send-welcome-email", Retries = 5)]
    public Task Send(UserSignedUp signup, CancellationToken ct) { counter.Hit("welcome " + signup.Email); return Task.CompletedTask; }
}

public static class Analytics
{
    [OnEvent("user/signup")]
    public static ValueTask Track(Event<UserSignedUp> e, FunctionContext context) { context.Services.GetRequiredService<Counter>().Hit($"track {e.Id} attempt {context.Attempt}"); return default; }

    [OnEvent("user/signup", Id = "audit")]
    public static void Audit(FunctionContext context, UserSignedUp signup) => context.Services.GetRequiredService<Counter>().Hit("audit " + signup.UserId);
}
