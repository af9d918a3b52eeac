using System.Text;

namespace Tongsin.Archive.Postgres;

/// <summary>
/// tsvector and tsquery values written out as text, for the columns whose tokens the archive makes
/// itself (Korean bigrams, name keys): they go in as they are, with their positions, past any parser
/// or dictionary, whatever the database's locale. Every lexeme is quoted, so no token is syntax.
/// </summary>
internal static class TsText
{
    // PostgreSQL keeps positions up to 16383, later ones counting as the last, and at most 256
    // positions of one lexeme, the first ones.
    private const int MaxPosition = 16383;
    private const int MaxPositions = 256;

    /// <summary>
    /// Space-separated tokens as a tsvector with positions 1, 2, 3 ... in order. Each lexeme is
    /// written once with its positions, as PostgreSQL would keep them: the text a long article gives
    /// then stays far below the megabyte PostgreSQL takes in one tsvector's text (a lexeme written
    /// again for every place it stands would not), and the value is the same.
    /// </summary>
    public static string Vector(string tokens)
    {
        if (tokens.Length == 0) return "";
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<string>();
        var position = 0;
        foreach (var token in tokens.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = Math.Min(++position, MaxPosition);
            if (!positions.TryGetValue(token, out var list))
            {
                positions[token] = list = [];
                order.Add(token);
            }
            if (list.Count < MaxPositions && (list.Count == 0 || list[^1] != at)) list.Add(at);
        }
        var sb = new StringBuilder(tokens.Length);
        foreach (var token in order)
        {
            if (sb.Length > 0) sb.Append(' ');
            Quote(sb, token);
            sb.Append(':').AppendJoin(',', positions[token]);
        }
        return sb.ToString();
    }

    /// <summary>The tokens one after another (a phrase), the last a prefix when asked.</summary>
    public static string Phrase(IReadOnlyList<string> tokens, bool prefix)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0) sb.Append(" <-> ");
            Quote(sb, tokens[i]);
        }
        if (prefix && tokens.Count > 0) sb.Append(":*");
        return sb.ToString();
    }

    private static void Quote(StringBuilder sb, string lexeme)
    {
        sb.Append('\'');
        foreach (var c in lexeme)
        {
            if (c is '\'' or '\\') sb.Append(c);
            sb.Append(c);
        }
        sb.Append('\'');
    }
}
