using Microsoft.Data.Sqlite;

namespace AttrFanout.Sqlite.Storage;

/// <summary>The prepared commands and native statements of one connection, created on first use.</summary>
internal sealed class StatementCache(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<Statement, SqliteCommand> _commands = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Statement, NativeStatement> _natives = new(ReferenceEqualityComparer.Instance);

    public SqliteConnection Connection => connection;

    public SqliteCommand Get(Statement statement)
    {
        if (!_commands.TryGetValue(statement, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = statement.Sql;
            foreach (var name in statement.Parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
            }

            command.Prepare();
            _commands.Add(statement, command);
        }

        return command;
    }

    /// <summary>Gets <paramref name="statement"/> prepared on the native handle, for the writer's hot path.</summary>
    public NativeStatement Native(Statement statement)
    {
        if (!_natives.TryGetValue(statement, out var native))
        {
            native = new NativeStatement(connection, statement);
            _natives.Add(statement, native);
        }

        return native;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        foreach (var native in _natives.Values)
        {
            native.Dispose();
        }

        _commands.Clear();
        _natives.Clear();
    }
}
