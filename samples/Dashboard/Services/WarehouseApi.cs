namespace Shop.Services;

/// <summary>A warehouse that is down for its first <c>outages</c> calls (Shop:WarehouseOutages), then works.</summary>
public sealed class WarehouseApi(int outages)
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task ShipAsync(string orderId, int attempt, CancellationToken ct)
    {
        var call = Interlocked.Increment(ref _calls);
        return call <= outages
            ? throw new HttpRequestException($"Warehouse unavailable (503) for order {orderId}, attempt {attempt}")
            : Task.CompletedTask;
    }
}
