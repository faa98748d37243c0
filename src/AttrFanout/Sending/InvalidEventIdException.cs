namespace AttrFanout;

/// <summary>Thrown by a send when <see cref="SendOptions.Id"/> is not a valid event Id.</summary>
public sealed class InvalidEventIdException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="id">The rejected Id.</param>
    public InvalidEventIdException(string id)
        : base($"'{id}' is not a valid event Id: use {EventIds.Rule}, or leave SendOptions.Id unset to get a generated one.", nameof(SendOptions.Id))
        => Id = id;

    /// <summary>Gets the rejected Id.</summary>
    public string Id { get; }
}
