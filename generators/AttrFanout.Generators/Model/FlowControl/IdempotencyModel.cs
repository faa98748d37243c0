namespace AttrFanout.Generators.Model.FlowControl;

/// <summary>The <c>[Idempotency]</c> of a function.</summary>
internal sealed record IdempotencyModel(KeyModel Key, int PeriodSeconds);
