using System.Globalization;
using System.Text;

namespace AttrFanout.Nats.Consuming;

/// <summary>
/// The body of a pull request (<c>CONSUMER.MSG.NEXT</c>): a batch size, and how long the server may hold the request for
/// messages to come, or none to take only the messages waiting now.
/// </summary>
internal static class PullRequestBody
{
    public static byte[] Create(int batch, TimeSpan? expires) =>
        Encoding.ASCII.GetBytes(expires is { } wait
            ? string.Create(CultureInfo.InvariantCulture, $$"""{"batch":{{batch}},"expires":{{wait.Ticks * 100}}}""")
            : string.Create(CultureInfo.InvariantCulture, $$"""{"batch":{{batch}},"no_wait":true}"""));
}
