using System.Collections.Concurrent;

namespace Shop.Services;

/// <summary>What the functions did, printed to the console and kept for the tests.</summary>
public sealed class ShopLog
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public void Write(string line)
    {
        _lines.Enqueue(line);
        Console.WriteLine($"  {line}");
    }
}
