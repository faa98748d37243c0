namespace AttrFanout.Sqlite.Tests;

public sealed class PayloadTests
{
    public static TheoryData<byte[]> Payloads() => new()
    {
        Array.Empty<byte>(),
        new byte[] { 0x7B, 0x22, 0xFF, 0xFE, 0x00, 0x00, 0xC3, 0x28 },
        "{\"truncated\": \"json"u8.ToArray(),
        Enumerable.Range(0, 1 << 20).Select(i => (byte)(i * 31)).ToArray(),
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Any_payload_is_stored_and_returned_byte_for_byte(byte[] payload)
    {
        await using var db = new TestDatabase();
        var store = db.Open();

        await store.AcceptAsync(new EventToAccept("e-1", "user/signup", TestDatabase.Start, payload, Events.Runs("a")));
        var run = Assert.Single(await store.LeaseDueAsync("owner", 1, TimeSpan.FromSeconds(30)));

        Assert.Equal(payload, run.Payload);
    }

    [Fact]
    public async Task A_payload_slice_stores_only_the_slice()
    {
        await using var db = new TestDatabase();
        var store = db.Open();
        var buffer = new byte[] { 9, 1, 2, 3, 9 };

        await store.AcceptAsync(new EventToAccept("e-1", "user/signup", TestDatabase.Start, buffer.AsMemory(1, 3), Events.Runs("a")));
        var run = Assert.Single(await store.LeaseDueAsync("owner", 1, TimeSpan.FromSeconds(30)));

        Assert.Equal(new byte[] { 1, 2, 3 }, run.Payload);
    }
}
