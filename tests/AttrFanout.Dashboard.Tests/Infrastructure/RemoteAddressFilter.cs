using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AttrFanout.Dashboard.Tests.Infrastructure;

/// <summary>A first middleware that makes every request come from <paramref name="address"/>, as a request from another machine would.</summary>
internal sealed class RemoteAddressFilter(IPAddress address) : IStartupFilter
{
    /// <summary>Adds the filter to an app's services (<see cref="ShopApp"/>'s <c>services</c>).</summary>
    public static Action<IServiceCollection> Install(IPAddress address) =>
        services => services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(address));

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            context.Connection.RemoteIpAddress = address;
            return following(context);
        });
        next(app);
    };
}
