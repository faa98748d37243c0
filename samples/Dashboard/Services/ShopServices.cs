namespace Shop.Services;

public static class ShopServices
{
    /// <summary>Registers the stand-ins for the outside world the shop's functions talk to, read from configuration when first used.</summary>
    public static IServiceCollection AddShopServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ShopLog>();
        services.AddSingleton(static sp => new WarehouseApi(
            int.TryParse(sp.GetRequiredService<IConfiguration>()["Shop:WarehouseOutages"], out var outages) ? outages : 3));
        if (!string.Equals(configuration["Shop:DemoOrders"], "false", StringComparison.OrdinalIgnoreCase))
        {
            services.AddHostedService<DemoOrders>();
        }

        return services;
    }
}
