using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace AttrFanout.Sqlite.Engine;

/// <summary>A few open read connections reused for run lookups and polls, so a lookup does not pay for opening and configuring one.</summary>
internal sealed class ReadConnections(Func<SqliteConnection> open, int kept = 8) : IDisposable
{
    private readonly ConcurrentBag<SqliteConnection> _idle = [];
    private volatile bool _disposed;

    public T Read<T>(Func<SqliteConnection, T> read)
    {
        var connection = _idle.TryTake(out var idle) ? idle : open();
        try
        {
            return read(connection);
        }
        finally
        {
            if (_disposed || _idle.Count >= kept)
            {
                connection.Dispose();
            }
            else
            {
                _idle.Add(connection);
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }
}
