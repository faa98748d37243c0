namespace AttrFanout.Pipelines.Tests.Functions;

[Event("pipelines/charge")]
public sealed partial record ChargeRequested(string OrderId);

[Event("pipelines/export")]
public sealed partial record ExportRequested(int Report);

[Event("pipelines/lookup")]
public sealed partial record LookupRequested(string Key);

[Event("pipelines/quote")]
public sealed partial record QuoteRequested(string Symbol);
