using System.Security.Cryptography;

namespace AttrFanout;

/// <summary>
/// Cryptographically random bytes for Ids, drawn from <see cref="RandomNumberGenerator"/> a block at a time per thread,
/// so generating an Id does not cost a system call. Every byte is handed out once.
/// </summary>
internal static class RandomIdBytes
{
    internal const int BlockSize = 4096;

    [ThreadStatic]
    private static byte[]? t_block;

    [ThreadStatic]
    private static int t_used;

    public static void Fill(Span<byte> destination)
    {
        var block = t_block;
        if (block is null || t_used + destination.Length > block.Length)
        {
            block = t_block ??= new byte[BlockSize];
            RandomNumberGenerator.Fill(block);
            t_used = 0;
        }

        block.AsSpan(t_used, destination.Length).CopyTo(destination);
        block.AsSpan(t_used, destination.Length).Clear();
        t_used += destination.Length;
    }
}
