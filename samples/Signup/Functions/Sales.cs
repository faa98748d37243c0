using AttrFanout;
using Signup.Events;
using Signup.Services;

namespace Signup.Functions;

public sealed class Sales(ISalesApi sales)
{
    [OnEvent("user/signup", Id = "notify-sales")]
    public Task NotifySales(UserSignedUp signup, FunctionContext context, CancellationToken ct) =>
        sales.NotifyAsync($"New {signup.Plan} signup: {signup.Name} <{signup.Email}> (attempt {context.Attempt} of {context.MaxAttempts})", ct);
}
