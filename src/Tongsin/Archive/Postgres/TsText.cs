using System.Text;

namespace Tongsin.Archive.Postgres;

/// <summary>
/// tsvector and tsquery values written out as text, for the columns whose tokens the archive makes
/// itself (Korean bigrams, name keys): they go in as they are, with their positions, past any parser
/// or dictionary, whatever the database's locale. Every lexeme is quoted, so no token is syntax.
/// </summary>
internal static class TsText
{
    // PostgreSQL keeps positions up to 16383; later ones count as the last.
    private const int MaxPosition = 16383;

    /// <summary>Space-separated tokens as a tsvector with positions 1, 2, 3 ... in order.</summary>
    public static string Vector(string tokens)
    {
        if (tokens.Length == 0) return "";
        var sb = new StringBuilder(tokens.Length * 2);
        var position = 0;
        foreach (var token in tokens.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (sb.Length > 0) sb.Append(' ');
            Quote(sb, token);
            sb.Append(':').Append(Math.Min(++position, MaxPosition));
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
