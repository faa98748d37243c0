namespace AttrFanout.Generators.Tests.Triggers;

/// <summary>User code with every form of [Debounce], [Batch] and [CancelOn] the generator writes, and a probe that runs what it wrote.</summary>
internal static class TriggerScenarios
{
    public const string Events = """
        using System;
        using AttrFanout;

        namespace Shop
        {
            [Event("docs/edited")]
            public sealed partial record DocEdited(Guid DocId, string Text);

            [Event("ui/clicked")]
            public sealed partial record Clicked(string TenantId, int X);

            [Event("user/signup")]
            public sealed partial record UserSignedUp(string UserId, string Email);

            [Event("user/deleted")]
            public sealed partial record UserDeleted(string UserId);

            [Event("user/paused")]
            public sealed partial record UserPaused(string UserId, int Days);
        }
        """;

    public const string Handlers = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using AttrFanout;

        namespace Shop
        {
            public static class Seen
            {
                public static readonly List<string> Calls = new();
            }

            public static class Documents
            {
                [OnEvent("docs/edited", Id = "index-doc")]
                [Debounce(PeriodSeconds = 30, Key = nameof(DocEdited.DocId), MaxWaitSeconds = 300)]
                public static Task Index(DocEdited edit, CancellationToken ct) => Task.CompletedTask;

                [OnEvent("docs/edited", Id = "snapshot-all")]
                [Debounce(PeriodSeconds = 60)]
                public static void SnapshotAll(DocEdited edit) { }
            }

            public static class Clicks
            {
                [OnEvent("ui/clicked", Id = "count-clicks")]
                [Batch(MaxSize = 100, TimeoutSeconds = 5, Key = nameof(Clicked.TenantId))]
                public static Task Count(IReadOnlyList<Clicked> clicks, CancellationToken ct)
                {
                    Seen.Calls.Add("count:" + string.Join(",", clicks.Select(static c => c.X)));
                    return Task.CompletedTask;
                }
            }

            public sealed class ClickArchive
            {
                [OnEvent("ui/clicked", Id = "archive-clicks")]
                [Batch(MaxSize = 1000, TimeoutSeconds = 60, MaxBytes = 1048576)]
                public ValueTask Archive(IReadOnlyList<Event<Clicked>> clicks, FunctionContext context)
                {
                    Seen.Calls.Add("archive:" + string.Join(",", clicks.Select(static c => c.Id)));
                    return default;
                }
            }

            public static class Plain
            {
                [OnEvent("ui/clicked", Id = "plain-free")]
                public static void Handle(Clicked click) { }
            }

            public static class Onboarding
            {
                [OnEvent("user/signup", Id = "onboarding")]
                [CancelOn("user/deleted", Match = nameof(UserSignedUp.UserId), TimeoutSeconds = 86400)]
                [CancelOn(UserPaused.EventName, If = nameof(LongPause))]
                public static Task Onboard(Event<UserSignedUp> signup, CancellationToken ct) => Task.CompletedTask;

                public static bool LongPause(UserSignedUp run, UserPaused paused) => paused.Days > 7 && run.UserId == paused.UserId;

                [OnEvent("user/signup", Id = "welcome-digest")]
                [Debounce(PeriodSeconds = 600, Key = nameof(UserSignedUp.Email))]
                [CancelOn("user/deleted")]
                [CancelOn("user/deleted", Match = "UserId")]
                public static void Digest(UserSignedUp signup, FunctionContext context, CancellationToken ct) { }
            }
        }
        """;

    public const string Probe = """
        using System;
        using System.Linq;
        using System.Threading;
        using AttrFanout;
        using AttrFanout.Triggers;
        using Microsoft.Extensions.DependencyInjection;
        using Shop;

        public static class Probe
        {
            private static readonly IServiceProvider Services = new ArchiveOnly();

            private static readonly FunctionCatalog Catalog = (FunctionCatalog)new ServiceCollection()
                .AddAttrFanout()
                .Single(static d => d.ServiceType == typeof(FunctionCatalog))
                .ImplementationInstance!;

            public static FunctionDescriptor Function(string id) =>
                Catalog.TryGetFunction(id, out var function) ? function : throw new InvalidOperationException(id);

            public static string Batches()
            {
                Seen.Calls.Clear();
                var clicks = new[] { Click("e1", 1), Click("e2", 2), Click("e3", 3) };
                var count = (FunctionDescriptor<Clicked>)Function("count-clicks");
                var archive = (FunctionDescriptor<Clicked>)Function("archive-clicks");
                count.BatchInvoker!(Services, clicks, null!, CancellationToken.None).AsTask().GetAwaiter().GetResult();
                count.InvokeAsync(Services, Click("e4", 4), null!, CancellationToken.None).AsTask().GetAwaiter().GetResult();
                archive.BatchInvoker!(Services, clicks, null!, CancellationToken.None).AsTask().GetAwaiter().GetResult();
                archive.InvokeAsync(Services, Click("e5", 5), null!, CancellationToken.None).AsTask().GetAwaiter().GetResult();

                return string.Join(" | ", Seen.Calls);
            }

            public static string? RunKey(string id, int rule, string userId) =>
                Function(id).CancelOn[rule].RunKey?.Evaluate(new UserSignedUp(userId, "a@b.c"));

            public static string? CancellingKey(string id, int rule, string userId) =>
                Function(id).CancelOn[rule].CancellingKey?.Evaluate(new UserDeleted(userId));

            public static bool Condition(string runUser, string pausedUser, int days) =>
                Function("onboarding").CancelOn[1].If!(new UserSignedUp(runUser, "a@b.c"), new UserPaused(pausedUser, days));

            public static string? DebounceKey(string id, string docId) =>
                Function(id).Debounce!.Key?.Evaluate(new DocEdited(new Guid(docId), "text"));

            public static string? BatchKey(string tenant) => Function("count-clicks").Batch!.Key?.Evaluate(new Clicked(tenant, 1));

            private sealed class ArchiveOnly : IServiceProvider
            {
                public object? GetService(Type serviceType) => serviceType == typeof(ClickArchive) ? new ClickArchive() : null;
            }

            private static Event<Clicked> Click(string id, int x) => new(id, "ui/clicked", DateTimeOffset.UnixEpoch, new Clicked("t-1", x));
        }
        """;
}
