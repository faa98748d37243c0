using AttrFanout;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Storefront;
using Storefront.Events;

// A fresh shop each time: the database (from appsettings.json) is beside the app.
Environment.CurrentDirectory = AppContext.BaseDirectory;
foreach (var file in Directory.GetFiles(AppContext.BaseDirectory, "storefront.db*"))
{
    File.Delete(file);
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddAttrFanout(o => o.UseSqlite());
builder.Services.AddSingleton<ShopActivity>();

using var host = builder.Build();
await host.StartAsync();
var sender = host.Services.GetRequiredService<IEventSender>();
var runs = host.Services.GetRequiredService<IFunctionRuns>();
var activity = host.Services.GetRequiredService<ShopActivity>();
var clock = System.Diagnostics.Stopwatch.StartNew();
void Note(string text) => Console.WriteLine($"[{clock.Elapsed.TotalSeconds,5:0.0}s] {text}");

// 35 page views of tenant-a and 25 of tenant-b: batches of at most 25 per tenant.
for (var i = 0; i < 60; i++)
{
    await sender.SendAsync(new PageViewed(i % 12 < 7 ? "tenant-a" : "tenant-b", $"/products/{i}"));
}

// Two shoppers typing: each keystroke is an event, one search runs per shopper with the last query.
foreach (var (session, query) in new[] { ("s-1", "shoes"), ("s-2", "boot") })
{
    for (var length = 1; length <= query.Length; length++)
    {
        await sender.SendAsync(new SearchTyped(session, query[..length]));
    }
}

// A cart is abandoned, so a reminder waits; its order arrives and cancels the reminder.
var reminder = (await sender.SendAsync(new CartAbandoned("cart-7", "ada@example.com"))).RunIds.Single();
await activity.WaitUntilAsync(() => activity.Reminders.Count > 0, TimeSpan.FromSeconds(30));
var order = await sender.SendAsync(new OrderPlaced("cart-7", 129.90m));
Note($"sent 60 page views, 9 keystrokes of 2 shoppers, an abandoned cart and its order ({order.EventId})");

var done = await activity.WaitUntilAsync(
    () => activity.PageViewsStored == 60 && activity.Searches.Count == 2 && activity.Reports.Count > 0,
    TimeSpan.FromSeconds(60));
var cancelled = await runs.WaitForCompletionAsync(reminder).WaitAsync(TimeSpan.FromSeconds(30));
await host.StopAsync();

Console.WriteLine();
foreach (var (tenant, sizes) in activity.Batches.OrderBy(static b => b.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"store-page-views    {tenant}: {sizes.Count} run(s) with {string.Join(" + ", sizes.Order().Reverse())} views");
}

foreach (var (session, queries) in activity.Searches.OrderBy(static s => s.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"search-suggestions  {session}: {queries.Count} search(es), for \"{string.Join("\", \"", queries)}\"");
}

Console.WriteLine($"remind-cart         {cancelled.Status}: {cancelled.Reason}");
Console.WriteLine($"activity-report     {activity.Reports.Count} tick(s), the first {activity.Reports.FirstOrDefault() ?? "(none)"}");

var behaved = done
    && activity.Batches.Values.All(static sizes => sizes.All(static size => size <= 25))
    && activity.Searches.Values.All(static queries => queries.Count == 1)
    && activity.Searches["s-1"].Single() == "shoes"
    && cancelled.Status == RunStatus.Cancelled
    && !activity.Reminders.Contains("cart-7 reminded");
Console.WriteLine(behaved ? "batches, debounce, cancel-on and schedule all behaved" : "something did not behave as described");
return behaved ? 0 : 1;
