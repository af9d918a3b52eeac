using Npgsql;
using Tongsin.Archive.Postgres;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Search;

/// <summary>The tsvector text the archive writes for its own tokens is the value PostgreSQL makes of the tokens one by one.</summary>
public class TsTextTests
{
    [Fact]
    public void Each_lexeme_once_with_its_positions_is_the_value_of_the_tokens_written_one_by_one()
    {
        using var db = TestPostgres.CreateDatabase();
        var random = new Random(3);
        // Some lexemes repeated past 256 times, and positions past 16,383, where PostgreSQL stops counting.
        var tokens = string.Join(' ', Enumerable.Range(0, 20_000).Select(i => i % 7 == 0 ? "조국" : random.Next(40) switch { 0 => "it's", 1 => "a\\b", var n => $"t{n}" }));
        var oneByOne = string.Join(' ', tokens.Split(' ').Select((t, i) => $"'{t.Replace("'", "''").Replace("\\", "\\\\")}':{Math.Min(i + 1, 16383)}"));
        using var c = db.Connect();
        using var cmd = new NpgsqlCommand("SELECT @ours::tsvector = @theirs::tsvector, length(@ours), length(@theirs)", c);
        cmd.Parameters.AddWithValue("ours", TsText.Vector(tokens));
        cmd.Parameters.AddWithValue("theirs", oneByOne);
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.True(r.GetBoolean(0));
        Assert.True(r.GetInt32(1) < r.GetInt32(2) / 2, $"{r.GetInt32(1)} characters against {r.GetInt32(2)}");
    }
}
