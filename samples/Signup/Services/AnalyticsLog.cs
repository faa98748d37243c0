using System.Collections.Concurrent;

namespace Signup.Services;

public sealed class AnalyticsLog
{
    public ConcurrentQueue<string> Events { get; } = new();

    public void Track(string name, string userId, string plan) => Events.Enqueue($"{name} {userId} {plan}");
}
