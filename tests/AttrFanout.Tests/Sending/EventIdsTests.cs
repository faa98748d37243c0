namespace AttrFanout.Tests.Sending;

public sealed class EventIdsTests
{
    [Fact]
    public void A_new_id_is_a_version_7_guid_in_32_hex_digits_that_starts_with_its_creation_time()
    {
        var createdAt = new DateTimeOffset(2026, 11, 28, 10, 30, 15, 123, TimeSpan.Zero);

        var id = EventIds.New(createdAt);

        Assert.Matches("^[0-9a-f]{32}$", id);
        var guid = Guid.ParseExact(id, "N");
        Assert.Equal(7, guid.Version);
        Assert.Equal(0b10, guid.Variant >> 2);
        Assert.Equal(createdAt.ToUnixTimeMilliseconds().ToString("x12"), id[..12]);
        Assert.True(EventIds.IsValid(id));
    }

    [Fact]
    public void Ids_stay_unique_across_threads_and_across_blocks_of_random_bytes()
    {
        const int perThread = RandomIdBytes.BlockSize;
        var createdAt = DateTimeOffset.UnixEpoch;
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < perThread; i++)
            {
                ids.Add(EventIds.New(createdAt));
            }
        });

        Assert.Equal(4 * perThread, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Random_bytes_are_not_all_zero_after_a_block_is_used_up()
    {
        var draws = Enumerable.Range(0, RandomIdBytes.BlockSize / 8 + 2).Select(_ =>
        {
            var bytes = new byte[10];
            RandomIdBytes.Fill(bytes);
            return bytes;
        }).ToList();

        Assert.All(draws, bytes => Assert.Contains(bytes, b => b != 0));
    }
}
