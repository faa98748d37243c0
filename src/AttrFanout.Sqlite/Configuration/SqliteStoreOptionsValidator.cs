using Microsoft.Extensions.Options;

namespace AttrFanout.Sqlite.Configuration;

/// <summary>Checks the ranges of <see cref="SqliteStoreOptions"/>; the code is generated.</summary>
[OptionsValidator]
internal sealed partial class SqliteStoreOptionsValidator : IValidateOptions<SqliteStoreOptions>
{
}
