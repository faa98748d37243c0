using AttrFanout.Triggers;

namespace AttrFanout.Tests.Triggers;

public sealed class HoldRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static HoldRule Debounce() =>
        HoldRule.For(new FunctionDescriptor<string>("d", "e", static (_, _, _, _) => default) { Debounce = new DebounceRule(TimeSpan.FromSeconds(10)) { MaxWait = TimeSpan.FromSeconds(25) } })!;

    private static HoldRule Batch() =>
        HoldRule.For(new FunctionDescriptor<string>("b", "e", static (_, _, _, _) => default) { Batch = new BatchRule(3, TimeSpan.FromSeconds(30)) { MaxBytes = 100 } })!;

    private static HeldEvent Event(string id, DateTimeOffset timestamp, int bytes = 10, double heldAfterSeconds = 0) =>
        new(id, timestamp, Now.AddSeconds(heldAfterSeconds), bytes) { Payload = "\"x\""u8.ToArray() };

    [Fact]
    public void A_debounce_ignores_an_event_older_than_the_one_it_holds()
    {
        var rule = Debounce();
        var held = rule.Add(null, Event("new", Now), out _);

        var next = rule.Add(held, Event("old", Now.AddMinutes(-1), heldAfterSeconds: 1), out var reason);

        Assert.Null(next);
        Assert.Contains("older than the held event 'new'", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_two_events_of_one_instant_a_debounce_keeps_the_later_one_in_the_store_whichever_is_held_first()
    {
        var rule = Debounce();
        var later = Event("later", Now) with { Sequence = 8 };
        var earlier = Event("earlier", Now, heldAfterSeconds: 1) with { Sequence = 7 };

        var held = rule.Add(null, later, out _);
        var next = rule.Add(held, earlier, out var reason);
        var inOrder = rule.Add(rule.Add(null, earlier, out _), later, out _);

        Assert.Null(next);
        Assert.Contains("older than the held event 'later'", reason, StringComparison.Ordinal);
        Assert.Equal("later", Assert.Single(inOrder!.Events).Id);
    }

    [Fact]
    public void A_debounce_keeps_the_newest_event_and_is_due_a_period_after_it_but_no_later_than_its_max_wait()
    {
        var rule = Debounce();
        var held = rule.Add(null, Event("1", Now), out _)!;
        held = rule.Add(held, Event("2", Now.AddSeconds(8), heldAfterSeconds: 8), out _)!;
        Assert.Equal("2", Assert.Single(held.Events).Id);
        Assert.Equal(Now.AddSeconds(18), rule.DueAt(held));

        held = rule.Add(held, Event("3", Now.AddSeconds(20), heldAfterSeconds: 20), out _)!;
        Assert.Equal(Now.AddSeconds(25), rule.DueAt(held));
    }

    [Fact]
    public void Adding_an_event_already_held_changes_nothing()
    {
        var rule = Batch();
        var held = rule.Add(null, Event("1", Now), out _);

        Assert.Null(rule.Add(held, Event("1", Now, heldAfterSeconds: 3), out var reason));
        Assert.Equal("already held", reason);
    }

    [Fact]
    public void A_batch_takes_its_oldest_events_up_to_its_size_and_bytes_and_leaves_the_rest_for_the_next()
    {
        var rule = Batch();
        HeldEvents? held = null;
        foreach (var (id, bytes) in new[] { ("1", 40), ("2", 40), ("3", 40), ("4", 10) })
        {
            held = rule.Add(held, Event(id, Now, bytes), out _);
        }

        var taken = rule.Take(held!);
        Assert.Equal(["1", "2"], taken.Select(static e => e.Id));
        Assert.Equal(Now, rule.DueAt(held!));
        var left = HoldRule.Without(held!, taken)!;
        Assert.Equal(["3", "4"], left.Events.Select(static e => e.Id));
        Assert.Equal(Now.AddSeconds(30), rule.DueAt(left));
    }

    [Fact]
    public void Held_events_read_back_from_their_json_as_written()
    {
        var held = new HeldEvents(Now, [Event("1", Now.AddSeconds(-3), 7, 2) with { Payload = """{"a":[1,2]}"""u8.ToArray() }]);

        var read = HeldEvents.FromUtf8Json(held.ToUtf8Json());

        Assert.Equal(Now, read.Since);
        var e = Assert.Single(read.Events);
        Assert.Equal(("1", Now.AddSeconds(-3), Now.AddSeconds(2), 7), (e.Id, e.Timestamp, e.HeldAt, e.Bytes));
        Assert.Equal("""{"a":[1,2]}""", System.Text.Encoding.UTF8.GetString(e.Payload.Span));
    }
}
