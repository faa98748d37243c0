using Microsoft.Extensions.Options;

namespace AttrFanout.Nats.Configuration;

/// <summary>Checks the ranges of <see cref="NatsJetStreamOptions"/>; the code is generated.</summary>
[OptionsValidator]
internal sealed partial class NatsJetStreamOptionsValidator : IValidateOptions<NatsJetStreamOptions>
{
}
