using System.Text.Json;
using NATS.Client.JetStream.Models;

namespace AttrFanout.Nats.Publishing;

/// <summary>The server's reply to a publish into a stream: where it was stored, or why not.</summary>
/// <param name="Sequence">The message's sequence in the stream (the first one's, for a duplicate).</param>
/// <param name="IsDuplicate">Whether the message Id was seen within the duplicate window, so nothing was stored.</param>
/// <param name="Error">The error the server answered with, or <see langword="null"/>.</param>
internal readonly record struct PubAck(ulong Sequence, bool IsDuplicate, ApiError? Error)
{
    /// <summary>Reads <c>{"stream":"S","seq":5,"duplicate":true}</c> or <c>{"error":{"code":503,"err_code":10039,"description":"..."}}</c>.</summary>
    public static bool TryRead(ReadOnlySpan<byte> json, out PubAck ack)
    {
        ack = default;
        ulong sequence = 0;
        var duplicate = false;
        ApiError? error = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("seq"u8))
                {
                    reader.Read();
                    sequence = reader.GetUInt64();
                }
                else if (reader.ValueTextEquals("duplicate"u8))
                {
                    reader.Read();
                    duplicate = reader.TokenType == JsonTokenType.True;
                }
                else if (reader.ValueTextEquals("error"u8))
                {
                    reader.Read();
                    error = ReadError(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return false;
        }

        ack = new PubAck(sequence, duplicate, error);
        return true;
    }

    private static ApiError ReadError(ref Utf8JsonReader reader)
    {
        var error = new ApiError();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return error;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("code"u8))
            {
                reader.Read();
                error.Code = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("err_code"u8))
            {
                reader.Read();
                error.ErrCode = reader.GetInt32();
            }
            else if (reader.ValueTextEquals("description"u8))
            {
                reader.Read();
                error.Description = reader.GetString() ?? "";
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return error;
    }
}
