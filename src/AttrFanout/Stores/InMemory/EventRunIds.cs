using System.Collections;

namespace AttrFanout.Stores.InMemory;

/// <summary>The Ids of an event's runs, named only when read (a sender that never looks at them pays for none).</summary>
internal sealed class EventRunIds(InMemoryRun[] runs) : IReadOnlyList<string>
{
    public int Count => runs.Length;

    public string this[int index] => Volatile.Read(ref runs[index]).RunId;

    public IEnumerator<string> GetEnumerator()
    {
        for (var i = 0; i < runs.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
