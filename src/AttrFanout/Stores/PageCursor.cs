using System.Buffers.Binary;
using System.Buffers.Text;

namespace AttrFanout.Stores;

/// <summary>
/// Where a store's listing goes on: the position of the last item of a page (a sequence, a time) and a tie-break, written
/// as the opaque text of <see cref="RunPage.NextCursor"/> and read back from <see cref="RunQuery.Cursor"/>.
/// </summary>
/// <param name="Position">The last item's position in the store's order.</param>
/// <param name="Tiebreak">What orders items of the same position.</param>
public readonly record struct PageCursor(long Position, long Tiebreak)
{
    private const int Size = 17;
    private const byte Version = 1;

    /// <summary>Returns the cursor as opaque URL-safe text.</summary>
    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Size];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], Position);
        BinaryPrimitives.WriteInt64BigEndian(bytes[9..], Tiebreak);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Reads a cursor written by <see cref="Encode"/>; <see langword="null"/> for <see langword="null"/> text (the first page).</summary>
    /// <param name="text">The cursor text.</param>
    /// <exception cref="ArgumentException">The text is not a cursor this type wrote.</exception>
    public static PageCursor? Decode(string? text)
    {
        if (text is null)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[Size + 3];
        if (!Base64Url.IsValid(text, out var length) || length != Size
            || !Base64Url.TryDecodeFromChars(text, bytes, out var written) || written != Size || bytes[0] != Version)
        {
            throw new ArgumentException($"'{text}' is not a page cursor: pass back a NextCursor of the previous page unchanged, or null for the first page.", nameof(text));
        }

        return new PageCursor(BinaryPrimitives.ReadInt64BigEndian(bytes[1..]), BinaryPrimitives.ReadInt64BigEndian(bytes[9..]));
    }
}
