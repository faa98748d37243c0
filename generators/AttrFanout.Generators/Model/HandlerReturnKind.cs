namespace AttrFanout.Generators.Model;

/// <summary>What a handler returns.</summary>
internal enum HandlerReturnKind
{
    Void,
    Task,
    ValueTask,
}
