using Microsoft.Extensions.Options;

namespace AttrFanout;

/// <summary>Checks the ranges of <see cref="AttrFanoutOptions"/>; the code is generated.</summary>
[OptionsValidator]
internal sealed partial class AttrFanoutOptionsValidator : IValidateOptions<AttrFanoutOptions>
{
}
