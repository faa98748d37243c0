using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AttrFanout.Sqlite.Storage;

/// <summary>
/// A <see cref="Statement"/> prepared once on a connection's native handle and executed through SQLitePCL directly:
/// parameters bound by position with typed calls (no boxing, no lookup by name, strings passed as UTF-16 without a
/// managed copy), and no command, parameter collection or data reader per execution. The writer runs every statement
/// of its hot path this way; errors surface as the <see cref="SqliteException"/> Microsoft.Data.Sqlite would throw.
/// </summary>
internal sealed class NativeStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly int[] _indexes;

    public NativeStatement(SqliteConnection connection, Statement statement)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, statement.Sql, out _statement));
        _indexes = new int[statement.Parameters.Count];
        for (var i = 0; i < _indexes.Length; i++)
        {
            _indexes[i] = raw.sqlite3_bind_parameter_index(_statement, statement.Parameters[i]);
            if (_indexes[i] == 0)
            {
                _statement.Dispose();
                throw new ArgumentException($"The SQL has no parameter {statement.Parameters[i]}: {statement.Sql}", nameof(statement));
            }
        }
    }

    /// <summary>Binds the <paramref name="parameter"/>-th parameter of the <see cref="Statement"/>.</summary>
    public NativeStatement Bind(int parameter, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, _indexes[parameter], value));
        return this;
    }

    /// <inheritdoc cref="Bind(int, long)"/>
    public NativeStatement Bind(int parameter, string? value)
    {
        Check(value is null ? raw.sqlite3_bind_null(_statement, _indexes[parameter]) : raw.sqlite3_bind_text16(_statement, _indexes[parameter], value.AsSpan()));
        return this;
    }

    /// <inheritdoc cref="Bind(int, long)"/>
    public NativeStatement Bind(int parameter, ReadOnlySpan<byte> value)
    {
        Check(raw.sqlite3_bind_blob(_statement, _indexes[parameter], value));
        return this;
    }

    /// <summary>Runs the statement to its end and returns how many rows it changed.</summary>
    public int ExecuteNonQuery()
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
            }

            Check(rc, raw.SQLITE_DONE);
            return raw.sqlite3_changes(_db);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Runs the statement to its end and returns the first column of its first row, if it returned one.</summary>
    public long? ExecuteInt64()
    {
        try
        {
            long? value = null;
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
                value ??= raw.sqlite3_column_int64(_statement, 0);
            }

            Check(rc, raw.SQLITE_DONE);
            return value;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>Starts reading the rows the statement returns; disposing the reader resets the statement.</summary>
    public Rows Query() => new(this);

    public void Dispose() => _statement.Dispose();

    private void Check(int rc, int expected = raw.SQLITE_OK)
    {
        if (rc != expected)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
            throw new SqliteException($"SQLite returned {rc}.", rc);
        }
    }

    /// <summary>The rows of one execution, read forward once.</summary>
    public readonly struct Rows(NativeStatement statement) : IDisposable
    {
        public bool Read()
        {
            var rc = raw.sqlite3_step(statement._statement);
            if (rc == raw.SQLITE_ROW)
            {
                return true;
            }

            statement.Check(rc, raw.SQLITE_DONE);
            return false;
        }

        public long GetInt64(int column) => raw.sqlite3_column_int64(statement._statement, column);

        public int GetInt32(int column) => checked((int)GetInt64(column));

        public bool IsNull(int column) => raw.sqlite3_column_type(statement._statement, column) == raw.SQLITE_NULL;

        public string GetString(int column) => raw.sqlite3_column_text(statement._statement, column).utf8_to_string();

        public string? GetStringOrNull(int column) => IsNull(column) ? null : GetString(column);

        public byte[] GetBytes(int column) => IsNull(column) ? [] : raw.sqlite3_column_blob(statement._statement, column).ToArray();

        public void Dispose() => raw.sqlite3_reset(statement._statement);
    }
}
