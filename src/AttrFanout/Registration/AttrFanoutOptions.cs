namespace AttrFanout;

/// <summary>Options of the AttrFanout runtime.</summary>
public sealed class AttrFanoutOptions
{
}
