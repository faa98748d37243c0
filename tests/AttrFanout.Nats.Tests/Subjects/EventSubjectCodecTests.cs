using AttrFanout.Nats.Subjects;

namespace AttrFanout.Nats.Tests.Subjects;

public sealed class EventSubjectCodecTests
{
    private const string SegmentStart = "abcxyzABCXYZ0189";
    private const string SegmentRest = "abcxyzABCXYZ0189._-";

    [Theory]
    [InlineData("user/signup", "user.signup")]
    [InlineData("attrfanout/function.failed", "attrfanout.function_2Efailed")]
    [InlineData("order_created", "order_5Fcreated")]
    [InlineData("a/b.c_d-e/F9", "a.b_2Ec_5Fd-e.F9")]
    [InlineData("x._", "x_2E_5F")]
    public void Encodes_known_names(string eventName, string tokens)
    {
        Assert.Equal(tokens, EventSubjectCodec.Encode(eventName));
        Assert.True(EventSubjectCodec.TryDecode(tokens, out var decoded));
        Assert.Equal(eventName, decoded);
    }

    [Fact]
    public void Every_generated_name_round_trips_to_a_distinct_valid_subject()
    {
        var random = new Random(20261128);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 5000; i++)
        {
            var name = RandomEventName(random);
            Assert.True(FanoutNames.IsValidEventName(name), name);

            var tokens = EventSubjectCodec.Encode(name);
            AssertValidSubjectTokens(tokens);
            Assert.True(EventSubjectCodec.TryDecode(tokens, out var decoded), tokens);
            Assert.Equal(name, decoded);

            if (seen.TryGetValue(tokens, out var other))
            {
                Assert.Equal(other, name);
            }

            seen[tokens] = name;
        }
    }

    [Fact]
    public void The_longest_names_round_trip()
    {
        var dots = "a" + new string('.', FanoutNames.MaxLength - 1);
        var segments = string.Join('/', Enumerable.Repeat("a", FanoutNames.MaxLength / 2)).PadRight(FanoutNames.MaxLength, 'b');
        foreach (var name in new[] { dots, segments })
        {
            Assert.True(FanoutNames.IsValidEventName(name), name);
            Assert.True(EventSubjectCodec.TryDecode(EventSubjectCodec.Encode(name), out var decoded));
            Assert.Equal(name, decoded);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("a..b")]
    [InlineData(".a")]
    [InlineData("a.")]
    [InlineData("a.*")]
    [InlineData("a.>")]
    [InlineData("a_41")]
    [InlineData("a_2")]
    [InlineData("a_")]
    [InlineData("a b")]
    [InlineData("a._2Eb")]
    [InlineData("a.-b")]
    public void Rejects_tokens_no_event_name_encodes_to(string tokens)
    {
        Assert.False(EventSubjectCodec.TryDecode(tokens, out var name));
        Assert.Null(name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a//b")]
    [InlineData("/a")]
    [InlineData("a b")]
    [InlineData("a/*")]
    [InlineData("_a")]
    public void Refuses_to_encode_invalid_names(string name) =>
        Assert.Throws<ArgumentException>(() => EventSubjectCodec.Encode(name));

    [Fact]
    public void Every_decodable_token_string_re_encodes_to_itself()
    {
        var random = new Random(7);
        const string alphabet = "aZ9-_.2E5F*> ";
        var decoded = 0;
        for (var i = 0; i < 20000; i++)
        {
            var tokens = new string(Enumerable.Range(0, random.Next(1, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            if (EventSubjectCodec.TryDecode(tokens, out var name))
            {
                decoded++;
                Assert.Equal(tokens, EventSubjectCodec.Encode(name));
            }
        }

        Assert.True(decoded > 100, $"only {decoded} samples decoded");
    }

    private static string RandomEventName(Random random)
    {
        while (true)
        {
            var segments = new string[random.Next(1, 5)];
            for (var s = 0; s < segments.Length; s++)
            {
                var chars = new char[random.Next(1, 20)];
                chars[0] = SegmentStart[random.Next(SegmentStart.Length)];
                for (var c = 1; c < chars.Length; c++)
                {
                    chars[c] = SegmentRest[random.Next(SegmentRest.Length)];
                }

                segments[s] = new string(chars);
            }

            var name = string.Join('/', segments);
            if (name.Length <= FanoutNames.MaxLength)
            {
                return name;
            }
        }
    }

    private static void AssertValidSubjectTokens(string tokens)
    {
        foreach (var token in tokens.Split('.'))
        {
            Assert.NotEmpty(token);
            Assert.All(token, static c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}'"));
        }
    }
}
