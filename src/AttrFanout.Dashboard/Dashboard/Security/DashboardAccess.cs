using System.Net;
using Microsoft.AspNetCore.Http;

namespace AttrFanout.Dashboard.Security;

/// <summary>
/// Who may see the dashboard when no authorization policy is named: requests from this machine only. A loopback
/// connection that carries forwarding headers came through a proxy from elsewhere, so it is refused too.
/// </summary>
internal static class DashboardAccess
{
    public static bool IsLocal(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } remote)
        {
            return false;
        }

        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        if (!IPAddress.IsLoopback(remote))
        {
            return false;
        }

        var headers = context.Request.Headers;
        return !headers.ContainsKey("X-Forwarded-For") && !headers.ContainsKey("Forwarded");
    }
}
