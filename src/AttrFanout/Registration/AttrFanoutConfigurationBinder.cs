using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AttrFanout;

/// <summary>Binds <see cref="AttrFanoutOptions"/> from the <c>AttrFanout</c> section when the app registered an <see cref="IConfiguration"/>.</summary>
internal sealed class AttrFanoutConfigurationBinder(IServiceProvider services) : IConfigureOptions<AttrFanoutOptions>
{
    public void Configure(AttrFanoutOptions options)
    {
        if (services.GetService<IConfiguration>() is { } configuration)
        {
            configuration.GetSection(AttrFanoutOptions.SectionName).Bind(options);
        }
    }
}
