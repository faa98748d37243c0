using AttrFanout;
using Signup.Services;

namespace Signup.Functions;

public sealed class OnCall(IEmailClient email)
{
    [OnEvent("attrfanout/function.failed", Id = "page-on-call")]
    public Task Page(FunctionFailed failure, CancellationToken ct) =>
        email.SendAsync("oncall@example.com", $"{failure.FunctionId} failed for {failure.EventName} after {failure.Attempts} attempts: {failure.ErrorMessage}", ct);
}
