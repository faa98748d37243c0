using System.Globalization;
using AttrFanout.Sqlite.Tests.Worker;

switch (args)
{
    case ["accept", var database, var prefix, var parallelism, var resendPrefix, var resendCount]:
        await WorkerCommands.AcceptForeverAsync(database, prefix, int.Parse(parallelism, CultureInfo.InvariantCulture), resendPrefix, int.Parse(resendCount, CultureInfo.InvariantCulture));
        return 0;
    case ["lease", var database, var owner, var batch, var leaseMs, var nowMs, var mode]:
        await WorkerCommands.LeaseAsync(
            database,
            owner,
            int.Parse(batch, CultureInfo.InvariantCulture),
            TimeSpan.FromMilliseconds(long.Parse(leaseMs, CultureInfo.InvariantCulture)),
            WorkerCommands.ParseUnixMilliseconds(nowMs),
            hold: mode == "hold");
        return 0;
    default:
        await Console.Error.WriteLineAsync("usage: accept <db> <prefix> <parallelism> <resendPrefix> <resendCount> | lease <db> <owner> <batch> <leaseMs> <nowUnixMs> <hold|exit>");
        return 2;
}
