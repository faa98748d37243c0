namespace Shop.Services;

public static class ShopServices
{
    /// <summary>Registers the stand-ins for the outside world the shop's functions talk to, and the demo orders; both read their settings when first used.</summary>
    public static IServiceCollection AddShopServices(this IServiceCollection services)
    {
        services.AddSingleton<ShopLog>();
        services.AddSingleton(static sp => new WarehouseApi(
            int.TryParse(sp.GetRequiredService<IConfiguration>()["Shop:WarehouseOutages"], out var outages) ? outages : 3));
        services.AddHostedService<DemoOrders>();

        return services;
    }
}
