namespace AttrFanout.Generators.Model.FlowControl;

/// <summary>The <c>[Singleton]</c> of a function; <paramref name="Mode"/> is the <c>SingletonMode</c> value as written.</summary>
internal sealed record SingletonModel(int Mode, KeyModel? Key);
