using AttrFanout;
using Signup.Events;
using Signup.Services;

namespace Signup.Functions;

public sealed class Welcome(IEmailClient email)
{
    [OnEvent("user/signup", Id = "send-welcome-email")]
    public Task SendWelcomeEmail(UserSignedUp signup, CancellationToken ct) =>
        email.SendAsync(signup.Email, $"Welcome aboard, {signup.Name}!", ct);
}
