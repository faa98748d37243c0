using Microsoft.Extensions.Options;

namespace AttrFanout;

/// <summary>Checks the ranges of one <see cref="FunctionOptions"/>; the code is generated.</summary>
[OptionsValidator]
internal sealed partial class FunctionOptionsValidator : IValidateOptions<FunctionOptions>
{
}
