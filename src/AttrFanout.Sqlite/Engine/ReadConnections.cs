using System.Collections.Concurrent;
using AttrFanout.Sqlite.Storage;
using Microsoft.Data.Sqlite;

namespace AttrFanout.Sqlite.Engine;

/// <summary>
/// A few open read connections, each with its prepared statements, reused for run lookups and polls, so a lookup
/// pays neither for opening a connection nor for compiling its SQL.
/// </summary>
internal sealed class ReadConnections(Func<SqliteConnection> open, int kept = 8) : IDisposable
{
    private readonly ConcurrentBag<StatementCache> _idle = [];
    private volatile bool _disposed;

    public T Read<T>(Func<StatementCache, T> read)
    {
        var statements = _idle.TryTake(out var idle) ? idle : new StatementCache(open());
        try
        {
            return read(statements);
        }
        finally
        {
            if (_disposed || _idle.Count >= kept)
            {
                Close(statements);
            }
            else
            {
                _idle.Add(statements);
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var statements))
        {
            Close(statements);
        }
    }

    private static void Close(StatementCache statements)
    {
        statements.Dispose();
        statements.Connection.Dispose();
    }
}
