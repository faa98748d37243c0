using AttrFanout;
using Microsoft.Extensions.DependencyInjection;
using Signup.Events;
using Signup.Services;

namespace Signup.Functions;

public static class Analytics
{
    [OnEvent("user/signup", Id = "track-signup")]
    public static void TrackSignup(UserSignedUp signup, FunctionContext context) =>
        context.Services.GetRequiredService<AnalyticsLog>().Track("signup", signup.UserId, signup.Plan);
}
