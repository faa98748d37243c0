using AttrFanout.Conformance;
using AttrFanout.FlowControl;
using AttrFanout.Triggers;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Tests.Triggers;

/// <summary>The engine's one decision whether a cancelling event cancels a run, at its edges.</summary>
public sealed class CancelOnMatchTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static readonly CancelOnRule ByUser = new(AccountDeleted.EventName)
    {
        Timeout = TimeSpan.FromHours(1),
        RunKey = new PayloadKey("UserId", static payload => ((Onboarding)payload).Key),
        CancellingKey = new PayloadKey("UserId", static payload => ((AccountDeleted)payload).UserId),
    };

    private static readonly FunctionDescriptor Function = new FunctionDescriptor<Onboarding>("onboard", Onboarding.EventName, static (_, _, _, _) => ValueTask.CompletedTask)
    {
        CancelOn = [ByUser, new CancelOnRule(AccountDeleted.EventName)],
    };

    private static EventEnvelope Deleted(string? userId) => new Event<AccountDeleted>("del-1", AccountDeleted.EventName, At, new AccountDeleted("t", userId!));

    private static RunKeys Kept(string? userId) => new() { CancelMatches = [userId, null] };

    [Fact]
    public void A_run_of_an_event_at_the_same_instant_as_the_cancelling_event_is_not_cancelled_and_one_a_tick_older_is()
    {
        var query = CancelOnMatch.Query(new CancelOnWatcher(Function, 0), Deleted("ada"))!;

        Assert.False(CancelOnMatch.Cancels(ByUser, query, At, Kept("ada"), @event: null));
        Assert.True(CancelOnMatch.Cancels(ByUser, query, At - TimeSpan.FromTicks(1), Kept("ada"), @event: null));
    }

    [Fact]
    public void The_timeout_bounds_how_old_a_cancelled_run_may_be()
    {
        var query = CancelOnMatch.Query(new CancelOnWatcher(Function, 0), Deleted("ada"))!;

        Assert.Equal(At - TimeSpan.FromHours(1), query.WatchedSince);
        Assert.True(CancelOnMatch.Cancels(ByUser, query, At - TimeSpan.FromHours(1), Kept("ada"), @event: null));
        Assert.False(CancelOnMatch.Cancels(ByUser, query, At - TimeSpan.FromHours(1) - TimeSpan.FromTicks(1), Kept("ada"), @event: null));
    }

    [Fact]
    public void Null_keys_never_match_and_a_null_cancelling_key_asks_the_store_nothing()
    {
        var query = CancelOnMatch.Query(new CancelOnWatcher(Function, 0), Deleted("ada"))!;

        Assert.Null(CancelOnMatch.Query(new CancelOnWatcher(Function, 0), Deleted(null)));
        Assert.False(CancelOnMatch.Cancels(ByUser, query, At.AddMinutes(-1), Kept(null), @event: null));
        Assert.False(CancelOnMatch.Cancels(ByUser, query, At.AddMinutes(-1), keys: null, @event: null));
        Assert.False(CancelOnMatch.Cancels(ByUser, query, At.AddMinutes(-1), Kept("bob"), @event: null));
    }

    [Fact]
    public void A_rule_without_match_or_condition_cancels_every_older_run_of_any_age()
    {
        var everyRun = Function.CancelOn[1];
        var query = CancelOnMatch.Query(new CancelOnWatcher(Function, 1), Deleted("ada"))!;

        Assert.Null(query.MatchKey);
        Assert.Null(query.WatchedSince);
        Assert.True(CancelOnMatch.Cancels(everyRun, query, At.AddDays(-30), keys: null, @event: null));
        Assert.Equal("cancelled by event 'del-1' (cancel-on/account-deleted)", query.Reason);
    }

    [Fact]
    public async Task An_event_only_a_cancel_rule_names_is_sent_even_when_unsubscribed_events_throw()
    {
        var services = new ServiceCollection();
        AttrFanoutRegistration.AddAttrFanoutCore(services, [CancelOnFunctions.Module], o => o.ThrowOnNoSubscribers = true);
        await using var provider = services.BuildServiceProvider();

        var sent = await provider.GetRequiredService<IEventSender>().SendAsync(new AccountDeleted("t", "ada"));

        Assert.Empty(sent.RunIds);
    }
}
