namespace AttrFanout.Dashboard;

/// <summary>Options of the dashboard mapped by <see cref="DashboardEndpointRouteBuilderExtensions.MapAttrFanoutDashboard"/>.</summary>
public sealed class DashboardOptions
{
    /// <summary>
    /// Gets or sets the authorization policy every dashboard request must satisfy (<c>AddAuthorization(o =&gt; o.AddPolicy(...))</c>).
    /// </summary>
    /// <value>
    /// The default is <see langword="null"/>: the dashboard serves only requests from this machine (a loopback remote
    /// address without <c>X-Forwarded-For</c> or <c>Forwarded</c> headers) and refuses every other one with 403.
    /// </value>
    public string? AuthorizationPolicy { get; set; }

    /// <summary>Gets or sets whether the dashboard only shows: no replay or cancel buttons, and their requests are refused with 403.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool ReadOnly { get; set; }

    /// <summary>Gets or sets the title shown in the page header and the browser tab.</summary>
    /// <value>The default is <c>AttrFanout</c>.</value>
    public string Title { get; set; } = "AttrFanout";

    /// <summary>Gets or sets how often an open page refreshes its content (with JavaScript; without it, reload the page).</summary>
    /// <value>The default is 2 seconds; <see cref="TimeSpan.Zero"/> turns live updates off.</value>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets the most runs a list page shows at once.</summary>
    /// <value>The default is 100.</value>
    public int PageSize { get; set; } = 100;
}
