using AttrFanout.Nats.FlowControl;
using AttrFanout.Nats.Wire;
using AttrFanout.Stores;

namespace AttrFanout.Nats.Store;

/// <summary>
/// Accepts an event some of whose runs carry flow-control keys or an idempotency key: each idempotent run first claims
/// its function's key (<see cref="IdempotencyClaims"/>); a run whose key is taken is not created (the message says so to
/// that function's consumer, and the send names the first run's Id); the others' keys travel in their functions' headers.
/// A publish that fails gives the claims back; one that lands records the run Ids in them.
/// </summary>
internal static class KeyedAccept
{
    public static bool Applies(EventSubmission submission)
    {
        var runs = submission.Runs;
        for (var i = 0; i < runs.Count; i++)
        {
            if (runs[i].Keys is not null || runs[i].IdempotencyKey is not null)
            {
                return true;
            }
        }

        return false;
    }

    public static async ValueTask<AcceptResult> AcceptAsync(JetStreamSession session, EventSubmission submission, WireEvent wire, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var runs = submission.Runs;
        var runIds = new string[runs.Count];
        var headers = new List<KeyValuePair<string, string>>(runs.Count);
        var claims = new List<(int Index, IdempotencyClaims.Outcome Claim)>();
        Publishing.PublishOutcome published;
        try
        {
            for (var i = 0; i < runs.Count; i++)
            {
                var run = runs[i];
                if (run.IdempotencyKey is { } key)
                {
                    var claim = await session.Claims.ClaimAsync(run.FunctionId, key, wire.Id, run.IdempotentUntil, now, cancellationToken).ConfigureAwait(false);
                    if (!claim.Claimed)
                    {
                        runIds[i] = claim.FirstRunId!;
                        headers.Add(new(RunHeaders.IdempotentOf(run.FunctionId), claim.FirstRunId!));
                        continue;
                    }

                    claims.Add((i, claim));
                }

                if (run.Keys is { } keys)
                {
                    headers.Add(new(RunHeaders.KeysOf(run.FunctionId), keys.Encode()));
                }
            }

            published = await session.Publisher.PublishAsync(wire with { FunctionHeaders = headers }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            foreach (var (_, claim) in claims)
            {
                await ReleaseAsync(session, claim).ConfigureAwait(false);
            }

            throw;
        }

        for (var i = 0; i < runIds.Length; i++)
        {
            runIds[i] ??= RunIds.For(published.Sequence, runs[i].FunctionId);
        }

        foreach (var (index, claim) in claims)
        {
            try
            {
                await session.Claims.RecordRunAsync(claim, wire.Id, runs[index].IdempotentUntil, runIds[index], cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // The event is in the stream; a claim left without its run is taken over after a bounded wait.
            }
        }

        return new AcceptResult(published.IsDuplicate, runIds);
    }

    private static async ValueTask ReleaseAsync(JetStreamSession session, IdempotencyClaims.Outcome claim)
    {
        try
        {
            await session.Claims.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Left as it is, the claim is taken over after a bounded wait by the next send of its key.
        }
    }
}
