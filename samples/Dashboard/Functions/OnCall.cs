using AttrFanout;
using Shop.Services;

namespace Shop.Functions;

public sealed class OnCall(ShopLog log)
{
    [OnEvent("attrfanout/function.failed", Id = "page-on-call")]
    public void Page(FunctionFailed failure) =>
        log.Write($"paged on-call: {failure.FunctionId} failed for {failure.EventName} after {failure.Attempts} attempts");
}
