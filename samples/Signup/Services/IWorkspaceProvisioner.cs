namespace Signup.Services;

public interface IWorkspaceProvisioner
{
    Task ProvisionAsync(string workspaceId, string plan, string idempotencyKey, CancellationToken ct);
}
