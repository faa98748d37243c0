namespace AttrFanout.Generators.Emit;

/// <summary>
/// An append-only text buffer of fixed-size chunks, each small enough to stay off the large object heap. A generated file
/// is written into it once and handed to the compiler as it is (<see cref="ChunkedSourceText"/>): no growing copies, and no
/// second copy as one string.
/// </summary>
internal sealed class TextChunks
{
    public const int ChunkSize = 16 * 1024;

    private readonly List<char[]> _chunks = [new char[1024]];
    private int _used;

    public int Length { get; private set; }

    public IReadOnlyList<char[]> Chunks => _chunks;

    public void Append(string text)
    {
        var copied = 0;
        while (copied < text.Length)
        {
            var current = Current(text.Length - copied);
            var count = Math.Min(text.Length - copied, current.Length - _used);
            text.CopyTo(copied, current, _used, count);
            copied += count;
            _used += count;
            Length += count;
        }
    }

    public void Append(char character)
    {
        Current(1)[_used++] = character;
        Length++;
    }

    public void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
    {
        while (count > 0)
        {
            var chunk = _chunks[sourceIndex / ChunkSize];
            var offset = sourceIndex % ChunkSize;
            var part = Math.Min(count, ChunkSize - offset);
            Array.Copy(chunk, offset, destination, destinationIndex, part);
            sourceIndex += part;
            destinationIndex += part;
            count -= part;
        }
    }

    public char this[int index] => _chunks[index / ChunkSize][index % ChunkSize];

    public override string ToString()
    {
        var text = new char[Length];
        CopyTo(0, text, 0, Length);
        return new string(text);
    }

    /// <summary>The chunk being written, grown or followed by a new one when it is full; every chunk but the last holds <see cref="ChunkSize"/> characters.</summary>
    private char[] Current(int wanted)
    {
        var current = _chunks[_chunks.Count - 1];
        if (_used < current.Length)
        {
            return current;
        }

        if (current.Length < ChunkSize)
        {
            var grown = new char[Math.Min(ChunkSize, Math.Max(current.Length * 2, _used + wanted))];
            Array.Copy(current, grown, _used);
            _chunks[_chunks.Count - 1] = grown;
            return grown;
        }

        _chunks.Add(new char[ChunkSize]);
        _used = 0;
        return _chunks[_chunks.Count - 1];
    }
}
