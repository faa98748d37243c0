using Microsoft.Data.Sqlite;

namespace AttrFanout;

/// <summary>
/// The SQLite store could not read or write its file: the message names the file, what the store was doing and what
/// to do about it; <see cref="Exception.InnerException"/> is SQLite's own error.
/// </summary>
public sealed class SqliteStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="dataSource">The file.</param>
    /// <param name="operation">What the store was doing, e.g. "accept an event".</param>
    /// <param name="error">SQLite's error.</param>
    public SqliteStoreException(string dataSource, string operation, SqliteException error)
        : base($"The SQLite store could not {operation} in '{dataSource}': {error.Message} {Advice(error.SqliteErrorCode)}", error)
    {
        DataSource = dataSource;
    }

    /// <summary>Gets the file the store uses.</summary>
    public string DataSource { get; }

    private static string Advice(int errorCode) => (errorCode & 0xFF) switch
    {
        8 => "Make the file and its folder writable by this process: SQLite also writes the '-wal' and '-shm' files beside it.",
        13 => "The disk is full: free space on it.",
        14 => "Check that the folder exists and that this process may create files in it.",
        5 or 6 => "Another connection held a lock longer than the busy timeout: check for other programs that keep the file open.",
        11 or 26 => "The file is damaged or not a SQLite database: restore it from a backup or point the store at another file.",
        _ => "Check the file and its folder.",
    };
}
