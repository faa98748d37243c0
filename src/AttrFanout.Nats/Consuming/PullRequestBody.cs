using System.Globalization;
using System.Text;

namespace AttrFanout.Nats.Consuming;

/// <summary>
/// The body of a pull request (<c>CONSUMER.MSG.NEXT</c>): a batch size, how long the server may hold the request, and
/// whether it ends as soon as it has delivered the messages waiting now (no wait).
/// </summary>
/// <remarks>
/// A no-wait request carries an expiry too: a 2.9 server keeps a no-wait request it could fill only in part (the
/// consumer reached its max ack pending) until the rest comes, with no status, for as long as the inbox lives, so the
/// client can neither count on it nor forget it; with an expiry it ends then with <c>408</c> and the count it did not
/// bring. With messages waiting it ends at once either way; with none, it waits for the first (then ends) instead of
/// answering <c>404</c>.
/// </remarks>
internal static class PullRequestBody
{
    public static byte[] Create(int batch, TimeSpan expires, bool noWait) =>
        Encoding.ASCII.GetBytes(noWait
            ? string.Create(CultureInfo.InvariantCulture, $$"""{"batch":{{batch}},"expires":{{expires.Ticks * 100}},"no_wait":true}""")
            : string.Create(CultureInfo.InvariantCulture, $$"""{"batch":{{batch}},"expires":{{expires.Ticks * 100}}}"""));
}
