namespace Signup.Services;

public interface ICrmClient
{
    ValueTask UpsertContactAsync(string userId, string email, string plan, CancellationToken ct);
}
