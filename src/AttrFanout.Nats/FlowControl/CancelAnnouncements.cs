using System.Runtime.CompilerServices;
using System.Text;
using AttrFanout.Nats.Wire;
using AttrFanout.Stores;
using NATS.Client.Core;

namespace AttrFanout.Nats.FlowControl;

/// <summary>
/// Requests that an executing run stop, as core NATS messages on <c>{prefix}.cancel</c> (outside every stream): every
/// instance subscribes while its engine watches, and the one executing the run cancels it. A message is not kept: an
/// instance that is not subscribed at that instant does not see it (a run not executing is marked in <see cref="CancelledRuns"/> instead).
/// </summary>
internal sealed class CancelAnnouncements(INatsConnection connection, string subject)
{
    public async ValueTask AnnounceAsync(string runId, string reason, CancellationToken cancellationToken)
    {
        var headers = new NatsHeaders { [WireHeaders.RunId] = runId };
        await connection.PublishAsync(subject, Encoding.UTF8.GetBytes(reason), headers, serializer: NatsRawSerializer<byte[]>.Default, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<RunCancellation> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var subscription = await connection.SubscribeCoreAsync(subject, serializer: NatsRawSerializer<byte[]>.Default, cancellationToken: cancellationToken).ConfigureAwait(false);
        while (true)
        {
            NatsMsg<byte[]> message;
            try
            {
                if (!await subscription.Msgs.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield break;
                }

                if (!subscription.Msgs.TryRead(out message))
                {
                    continue;
                }
            }
            catch (OperationCanceledException)
            {
                yield break;
            }

            if (HeaderText.Get(message.Headers, WireHeaders.RunId) is { } runId)
            {
                yield return new RunCancellation(runId, Encoding.UTF8.GetString(message.Data ?? []));
            }
        }
    }
}
