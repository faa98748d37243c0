using AttrFanout;
using Signup.Events;
using Signup.Services;

namespace Signup.Functions;

public sealed class Workspaces(IWorkspaceProvisioner provisioner)
{
    [OnEvent("user/signup", Id = "provision-workspace", TimeoutSeconds = 30)]
    public Task Provision(Event<UserSignedUp> signup, FunctionContext context, CancellationToken ct) =>
        provisioner.ProvisionAsync($"ws-{signup.Data.UserId}", signup.Data.Plan, idempotencyKey: context.RunId, ct);
}
