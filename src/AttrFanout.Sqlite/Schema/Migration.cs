namespace AttrFanout.Sqlite.Schema;

/// <summary>One step of the schema; <see cref="Version"/> is what <c>PRAGMA user_version</c> holds after it.</summary>
internal sealed record Migration(int Version, string Sql);
