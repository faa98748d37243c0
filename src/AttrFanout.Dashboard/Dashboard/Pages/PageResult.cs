namespace AttrFanout.Dashboard.Pages;

/// <summary>A rendered page: its status, its title and the content of its live region.</summary>
internal sealed record PageResult(string Title, string Main, int Status = 200);
