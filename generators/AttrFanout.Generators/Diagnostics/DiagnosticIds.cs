namespace AttrFanout.Generators.Diagnostics;

/// <summary>The diagnostic IDs: part of the public contract, never renumbered.</summary>
internal static class DiagnosticIds
{
    public const string DuplicateFunctionId = "AF0001";
    public const string UnknownEvent = "AF0002";
    public const string PayloadTypeMismatch = "AF0003";
    public const string InvalidHandlerSignature = "AF0004";
    public const string InvalidEventName = "AF0005";
    public const string InvalidFunctionId = "AF0006";
    public const string EventDeclaredTwice = "AF0007";
    public const string HandlerNotReachable = "AF0008";
    public const string EventTypeNotPartial = "AF0009";
    public const string InvalidFunctionSetting = "AF0010";
    public const string PayloadNotSerializable = "AF0011";
    public const string GeneratorFailed = "AF0012";
    public const string HandlerClassNotCreatable = "AF0013";
    public const string EventTypeNotReachable = "AF0014";
    public const string OnEventOnNonMethod = "AF0015";
    public const string SentTypeNotEvent = "AF0016";
    public const string PayloadMemberNotReadBack = "AF0017";
    public const string JsonNamingIgnored = "AF0018";
    public const string PayloadFieldNotSerialized = "AF0019";
    public const string InvalidPipelineName = "AF0020";
    public const string EventNameNotDetermined = "AF0021";
    public const string UnknownKeyMember = "AF0022";
    public const string InvalidKeyMethod = "AF0023";
    public const string InvalidPriorityMethod = "AF0024";
    public const string InvalidFlowLimit = "AF0025";
    public const string InvalidFlowPeriod = "AF0026";
    public const string TooManyConcurrencyLimits = "AF0027";
    public const string ScopeLimitConflict = "AF0028";
    public const string IdempotencyWithoutKey = "AF0029";
    public const string ContradictoryFlowControl = "AF0030";
    public const string FlowControlWithoutOnEvent = "AF0031";
    public const string KeyTextNotStable = "AF0032";
    public const string InvalidCronExpression = "AF0033";
    public const string UnknownTimeZone = "AF0034";
    public const string InvalidScheduleHandler = "AF0035";
    public const string ScheduleWithEvent = "AF0036";
    public const string InvalidFilterMethod = "AF0037";
    public const string InvalidDebounce = "AF0038";
    public const string InvalidBatch = "AF0039";
    public const string BatchHandlerWithoutList = "AF0040";
    public const string ListWithoutBatch = "AF0041";
    public const string ForbiddenTriggerCombination = "AF0042";
    public const string HoldOnSchedule = "AF0043";
    public const string UnknownCancellingEvent = "AF0044";
    public const string InvalidCancelMatch = "AF0045";
    public const string InvalidCancelCondition = "AF0046";
    public const string InvalidCancelOnSetting = "AF0047";
    public const string TriggersWithTwoIds = "AF0048";
    public const string EnvelopeWithSeveralTriggers = "AF0049";
    public const string TriggerSettingConflict = "AF0050";
    public const string HoldOrCancelWithSeveralTriggers = "AF0051";
    public const string BlankFlowSetting = "AF0052";
    public const string PerProcessConcurrencyNeverBinds = "AF0053";
}
