using Microsoft.AspNetCore.Http;

namespace AttrFanout.Dashboard.Events;

/// <summary>Why a request's events were refused: the status and a message naming the event and the field at fault.</summary>
internal sealed record EventRejection(int Status, string Error)
{
    /// <summary>Gets the position of the event at fault in the request's array (0 for a single event).</summary>
    public int? Index { get; init; }

    /// <summary>Gets the name of the event at fault, when it has one.</summary>
    public string? Event { get; init; }

    /// <summary>Gets the JSON path of the field at fault, e.g. <c>data.total</c> or <c>$.data.lines[1].price</c>.</summary>
    public string? Path { get; init; }

    public static EventRejection BadRequest(string error) => new(StatusCodes.Status400BadRequest, error);

    public static EventRejection TooLarge(string error) => new(StatusCodes.Status413PayloadTooLarge, error);
}
