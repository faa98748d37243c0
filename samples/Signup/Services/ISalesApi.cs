namespace Signup.Services;

public interface ISalesApi
{
    Task NotifyAsync(string message, CancellationToken ct);
}
