namespace AttrFanout.Nats.Tests.EndToEnd;

/// <summary>A call to a webhook; <see cref="Down"/> calls find it down and ask to be retried in a minute.</summary>
[Event("hooks/call")]
public sealed partial record WebhookCall(string CallId, bool Down);

public sealed class Webhooks(Journal journal)
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(60);

    [OnEvent("hooks/call", Id = "call-webhook", Retries = 3)]
    public async Task Call(WebhookCall call, FunctionContext context)
    {
        await journal.RecordAsync(context, call.CallId);
        if (call.Down)
        {
            throw new RetryAfterException(RetryAfter);
        }
    }
}
