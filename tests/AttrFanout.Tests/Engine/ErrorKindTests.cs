using AttrFanout.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Engine;

[Event("tests/errors.nonretriable")]
public sealed partial record Unfixable(string Why);

[Event("tests/errors.retryafter")]
public sealed partial record RateLimited(int Minutes);

public static class ErrorKindFunctions
{
    [OnEvent("tests/errors.nonretriable", Id = "errors-nonretriable", Retries = 4)]
    public static void Unfixable(Unfixable unfixable, FunctionContext context)
    {
        context.Services.GetRequiredService<AttemptLog>().Record(context);
        throw new NonRetriableException(unfixable.Why);
    }

    [OnEvent("tests/errors.retryafter", Id = "errors-retry-after", Retries = 1)]
    public static void RateLimited(RateLimited limited, FunctionContext context)
    {
        context.Services.GetRequiredService<AttemptLog>().Record(context);
        if (context.Attempt == 1)
        {
            throw new RetryAfterException(TimeSpan.FromMinutes(limited.Minutes));
        }
    }
}

public sealed class ErrorKindTests
{
    private static TestApp CreateApp() =>
        TestApp.Create(services: s => s.AddSingleton(sp => new AttemptLog(sp.GetRequiredService<TimeProvider>())));

    [Fact]
    public async Task A_non_retriable_exception_fails_the_run_at_once()
    {
        await using var app = CreateApp();

        var result = await app.Sender.SendAsync(new Unfixable("bad input"));
        var run = await app.RunToEndAsync(result.RunIds[0]);
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(1, run.Attempts);
        Assert.Equal(1, app.Get<AttemptLog>().CountOf("errors-nonretriable"));
        Assert.Equal(typeof(NonRetriableException).FullName, run.ErrorType);
        Assert.Equal("bad input", run.ErrorMessage);
    }

    [Fact]
    public async Task A_retry_after_exception_sets_the_delay_of_the_next_attempt()
    {
        await using var app = CreateApp();

        var result = await app.Sender.SendAsync(new RateLimited(Minutes: 30));
        var run = await app.RunToEndAsync(result.RunIds[0]);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var times = app.Get<AttemptLog>().TimesOf("errors-retry-after");
        Assert.Equal(2, times.Length);
        Assert.Equal(TimeSpan.FromMinutes(30), times[1] - times[0]);
    }
}
