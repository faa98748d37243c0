using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Signup.Services;

public static class SignupServices
{
    /// <summary>Registers the stand-ins for the outside world the signup functions talk to.</summary>
    public static IServiceCollection AddSignupServices(this IServiceCollection services, int salesApiOutages)
    {
        services.AddSingleton<Outbox>();
        services.AddSingleton<IEmailClient>(static sp => sp.GetRequiredService<Outbox>());
        services.AddSingleton<ICrmClient>(static sp => sp.GetRequiredService<Outbox>());
        services.AddSingleton<IWorkspaceProvisioner>(static sp => sp.GetRequiredService<Outbox>());
        services.AddSingleton<AnalyticsLog>();
        services.AddSingleton<ISalesApi>(new FlakySalesApi(salesApiOutages));
        return services;
    }

    public static int SalesApiOutages(this IConfiguration configuration) =>
        int.TryParse(configuration["Signup:SalesApiOutages"], out var outages) ? outages : 2;
}
