using AttrFanout.Dashboard.Security;

namespace AttrFanout.Dashboard;

/// <summary>What every dashboard page reads: the options, where the dashboard is mapped, the app's functions and runs.</summary>
internal sealed record DashboardSite(
    DashboardOptions Options,
    string Pattern,
    FunctionCatalog Catalog,
    IFunctionRuns Runs,
    AttrFanoutOptions Runtime,
    CrossSiteGuard? Guard);
