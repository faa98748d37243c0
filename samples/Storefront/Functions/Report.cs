using AttrFanout;

namespace Storefront.Functions;

/// <summary>A report of the shop's activity, every two seconds (six fields: seconds first).</summary>
public sealed class Report(ShopActivity activity)
{
    [OnSchedule("*/2 * * * * *", Id = "activity-report")]
    public void Publish(FunctionContext context) => activity.Reported(context.EventId);
}
