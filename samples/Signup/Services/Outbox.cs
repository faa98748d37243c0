using System.Collections.Concurrent;

namespace Signup.Services;

/// <summary>Stands in for the outside world: every email, CRM write, workspace and notification lands here.</summary>
public sealed class Outbox : IEmailClient, ICrmClient, IWorkspaceProvisioner
{
    public ConcurrentQueue<string> Sent { get; } = new();

    public Task SendAsync(string to, string subject, CancellationToken ct)
    {
        Sent.Enqueue($"email to {to}: {subject}");
        return Task.CompletedTask;
    }

    public ValueTask UpsertContactAsync(string userId, string email, string plan, CancellationToken ct)
    {
        Sent.Enqueue($"crm contact {userId} <{email}> on {plan}");
        return ValueTask.CompletedTask;
    }

    public Task ProvisionAsync(string workspaceId, string plan, string idempotencyKey, CancellationToken ct)
    {
        Sent.Enqueue($"workspace {workspaceId} ({plan})");
        return Task.CompletedTask;
    }
}
