namespace AttrFanout.Generators;

/// <summary>Names of the generator's tracked steps, checked by the incremental-cache tests.</summary>
internal static class TrackingNames
{
    public const string Functions = nameof(Functions);
    public const string Schedules = nameof(Schedules);
    public const string Events = nameof(Events);
    public const string Assembly = nameof(Assembly);
    public const string Dispatch = nameof(Dispatch);
    public const string JsonResolver = nameof(JsonResolver);
}
