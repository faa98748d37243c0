namespace AttrFanout.Generators.Model;

/// <summary>The triggers of one handler method: one model per <c>[OnEvent]</c> (and <c>[OnSchedule]</c>), all with the function's Id.</summary>
internal sealed record FunctionTriggersModel(EquatableArray<FunctionModel> Triggers);
