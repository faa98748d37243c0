namespace AttrFanout.Engine;

/// <summary>A flow-control key (or priority) that could not be evaluated for a payload; it names the function, the rule and the key.</summary>
internal sealed class FlowKeyException(string message, Exception innerException) : InvalidOperationException(message, innerException);
