namespace Signup.Services;

public interface IEmailClient
{
    Task SendAsync(string to, string subject, CancellationToken ct);
}
