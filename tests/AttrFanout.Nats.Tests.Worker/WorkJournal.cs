namespace AttrFanout.Nats.Tests.Worker;

/// <summary>Appends lines to a file, flushed at once, so the test can read them while the process runs or after it is killed.</summary>
public sealed class WorkJournal(string path, TimeSpan work)
{
    private readonly Lock _gate = new();

    public TimeSpan Work => work;

    public void Write(string line)
    {
        lock (_gate)
        {
            File.AppendAllText(path, line + Environment.NewLine);
        }
    }
}
