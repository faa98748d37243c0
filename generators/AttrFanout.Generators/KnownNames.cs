namespace AttrFanout.Generators;

/// <summary>Metadata names of the runtime types the generator and analyzers look for.</summary>
internal static class KnownNames
{
    public const string OnEventAttribute = "AttrFanout.OnEventAttribute";
    public const string OnScheduleAttribute = "AttrFanout.OnScheduleAttribute";
    public const string ScheduledTick = "AttrFanout.ScheduledTick";
    public const string EventAttribute = "AttrFanout.EventAttribute";
    public const string EventJsonNamingAttribute = "AttrFanout.EventJsonNamingAttribute";
    public const string EventOfT = "AttrFanout.Event`1";
    public const string EventPayloadInterface = "AttrFanout.IEventPayload";
    public const string FunctionContext = "AttrFanout.FunctionContext";
    public const string ConcurrencyAttribute = "AttrFanout.ConcurrencyAttribute";
    public const string ThrottleAttribute = "AttrFanout.ThrottleAttribute";
    public const string RateLimitAttribute = "AttrFanout.RateLimitAttribute";
    public const string SingletonAttribute = "AttrFanout.SingletonAttribute";
    public const string PriorityAttribute = "AttrFanout.PriorityAttribute";
    public const string IdempotencyAttribute = "AttrFanout.IdempotencyAttribute";
    public const string DebounceAttribute = "AttrFanout.DebounceAttribute";
    public const string BatchAttribute = "AttrFanout.BatchAttribute";
    public const string CancelOnAttribute = "AttrFanout.CancelOnAttribute";
    public const string FanoutModuleAttribute = "AttrFanout.Generated.FanoutModuleAttribute";
    public const string FanoutEventAttribute = "AttrFanout.Generated.FanoutEventAttribute";
    public const string FanoutFunctionAttribute = "AttrFanout.Generated.FanoutFunctionAttribute";
    public const string ModuleInterface = "AttrFanout.Generated.IFanoutModule";
    public const string RuntimeAssembly = "AttrFanout";
    public const string RegistrationClass = "AttrFanoutServiceCollectionExtensions";
    public const string RegistrationClassMetadataName = "Microsoft.Extensions.DependencyInjection." + RegistrationClass;
    public const string FromKeyedServicesAttribute = "Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute";
    public const string ActivatorUtilitiesConstructorAttribute = "Microsoft.Extensions.DependencyInjection.ActivatorUtilitiesConstructorAttribute";
    public const string ModuleTypeName = "AttrFanoutModule";
    public const string ModuleNamespacePrefix = "AttrFanout.Generated.Modules";
}
