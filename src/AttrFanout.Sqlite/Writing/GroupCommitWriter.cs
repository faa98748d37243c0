using System.Threading.Channels;
using AttrFanout.Sqlite.Storage;
using Microsoft.Data.Sqlite;

namespace AttrFanout.Sqlite.Writing;

/// <summary>
/// The store's single writer: drains every queued write, commits them in one transaction and only then completes
/// their tasks. When a batch fails, each of its writes is retried in a transaction of its own so one bad write
/// fails alone.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    private static readonly Statement Begin = new("BEGIN IMMEDIATE");
    private static readonly Statement Commit = new("COMMIT");

    private readonly Channel<WriteOperation> _queue = Channel.CreateUnbounded<WriteOperation>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _connection;
    private readonly StatementCache _statements;
    private readonly TimeProvider _time;
    private readonly int _maxBatchSize;
    private readonly Task _loop;
    private TaskCompletionSource? _hold;
    private int _disposed;
    private long _transactions;
    private long _operations;

    public GroupCommitWriter(SqliteConnection connection, TimeProvider time, int maxBatchSize)
    {
        _connection = connection;
        _statements = new StatementCache(connection);
        _time = time;
        _maxBatchSize = maxBatchSize;
        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Gets how many transactions committed.</summary>
    internal long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>Gets how many writes committed.</summary>
    internal long Operations => Interlocked.Read(ref _operations);

    public Task<T> EnqueueAsync<T>(WriteOperation<T> operation)
    {
        if (!_queue.Writer.TryWrite(operation))
        {
            throw new ObjectDisposedException(nameof(SqliteRunStore), "The SQLite store is closed.");
        }

        return operation.Task;
    }

    /// <summary>Holds the next batch until the returned handle is disposed, so a test can queue writes deterministically.</summary>
    internal IDisposable HoldBatches()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _hold, hold);
        return new Release(this, hold);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        Volatile.Read(ref _hold)?.TrySetResult();
        await _loop.ConfigureAwait(false);
        _statements.Dispose();
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// The writer's loop, on a thread of its own: SQLite writes block anyway, and a thread-pool writer would wait behind
    /// every queued continuation of the runs it serves before it could commit the next batch.
    /// </summary>
    private void Run()
    {
        var reader = _queue.Reader;
        var batch = new List<WriteOperation>(_maxBatchSize);
        while (WaitToRead(reader))
        {
            if (Volatile.Read(ref _hold) is { } hold)
            {
                hold.Task.GetAwaiter().GetResult();
            }

            while (batch.Count < _maxBatchSize && reader.TryRead(out var operation))
            {
                batch.Add(operation);
            }

            WriteBatch(batch);
            batch.Clear();
        }
    }

    private static bool WaitToRead(ChannelReader<WriteOperation> reader)
    {
        var ready = reader.WaitToReadAsync();
        return ready.IsCompletedSuccessfully ? ready.Result : ready.AsTask().GetAwaiter().GetResult();
    }

    private void WriteBatch(List<WriteOperation> batch)
    {
        try
        {
            Write(batch);
        }
        catch (Exception batchError)
        {
            if (batch.Count == 1)
            {
                batch[0].Fail(batchError);
                return;
            }

            foreach (var operation in batch)
            {
                try
                {
                    Write([operation]);
                }
                catch (Exception error)
                {
                    operation.Fail(error);
                }
            }
        }
    }

    private void Write(List<WriteOperation> batch)
    {
        var context = new WriteContext(_time.GetUtcNow(), _statements);
        try
        {
            _statements.Get(Begin).ExecuteNonQuery();
            foreach (var operation in batch)
            {
                operation.Execute(context);
            }

            _statements.Get(Commit).ExecuteNonQuery();
        }
        catch
        {
            RollbackQuietly();
            throw;
        }

        Interlocked.Increment(ref _transactions);
        Interlocked.Add(ref _operations, batch.Count);
        foreach (var operation in batch)
        {
            operation.Complete();
        }
    }

    private void RollbackQuietly()
    {
        if (_connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            using var rollback = _connection.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
        }
    }

    private sealed class Release(GroupCommitWriter writer, TaskCompletionSource hold) : IDisposable
    {
        public void Dispose()
        {
            Interlocked.CompareExchange(ref writer._hold, null, hold);
            hold.TrySetResult();
        }
    }
}
