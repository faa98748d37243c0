namespace AttrFanout.Engine;

/// <summary>Stops a run from starting another attempt once the engine is stopping; the run goes back to pending.</summary>
internal sealed class ShutdownInterruptedException() : OperationCanceledException("AttrFanout is stopping; the run stays pending.");
