using AttrFanout;
using Signup.Events;
using Signup.Services;

namespace Signup.Functions;

public sealed class Crm(ICrmClient crm)
{
    [OnEvent("user/signup", Id = "add-crm-contact")]
    public ValueTask AddContact(UserSignedUp signup, CancellationToken ct) =>
        crm.UpsertContactAsync(signup.UserId, signup.Email, signup.Plan, ct);
}
