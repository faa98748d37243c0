using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Pipelines.Tests.Functions;

public static class PipelineFunctions
{
    [OnEvent("pipelines/charge", Id = "charge-card", Pipeline = PipelineNamesUsed.Payments, Retries = 5, Concurrency = 1)]
    public static void Charge(ChargeRequested charge, FunctionContext context)
    {
        context.Services.GetRequiredService<CallLog>().Record(context);
        context.Services.GetRequiredService<PaymentGateway>().Charge(charge.OrderId);
    }

    [OnEvent("pipelines/charge", Id = "record-charge")]
    public static void RecordCharge(ChargeRequested charge, FunctionContext context) =>
        context.Services.GetRequiredService<CallLog>().Record(context);

    [OnEvent("pipelines/export", Id = "export-report", Pipeline = PipelineNamesUsed.Exports, Retries = 5)]
    public static void Export(ExportRequested export, FunctionContext context) =>
        context.Services.GetRequiredService<CallLog>().Record(context);

    [OnEvent("pipelines/lookup", Id = "slow-lookup", Pipeline = PipelineNamesUsed.Lookups, TimeoutSeconds = 10, Retries = 0)]
    public static void Lookup(LookupRequested lookup, FunctionContext context)
    {
        context.Services.GetRequiredService<CallLog>().Record(context);
        throw new LookupFailedException(lookup.Key);
    }

    [OnEvent("pipelines/quote", Id = "fetch-quote", Retries = 0)]
    public static void Quote(QuoteRequested quote, FunctionContext context) =>
        context.Services.GetRequiredService<CallLog>().Record(context);
}

public sealed class LookupFailedException(string key) : Exception($"The lookup of '{key}' failed.");
