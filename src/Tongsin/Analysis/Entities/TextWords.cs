namespace Tongsin.Analysis.Entities;

/// <summary>
/// A word of a text for the rules that read names by their context (<see cref="ForeignNames"/>,
/// <see cref="BodyNames"/>): a run of letters and digits, with the apostrophes and hyphens inside it
/// ("People's", "Al-Assad", "O'Neil") and a full stop after a lone capital ("V." of "V. V. Putin").
/// </summary>
internal readonly record struct TextWord(int Start, int End)
{
    public ReadOnlySpan<char> Text(string text) => text.AsSpan(Start, End - Start);

    /// <summary>One space, and nothing else, between this word and the next.</summary>
    public bool SpaceBefore(string text, TextWord next) => next.Start == End + 1 && text[End] == ' ';

    /// <summary>"Sukarno", "Al-Assad", "People's", "O'Neil", "V.": a capital, then small letters, marks inside allowed.</summary>
    public bool IsCapitalised(string text)
    {
        var t = Text(text);
        if (t.Length == 0 || !char.IsUpper(t[0])) return false;
        if (t.Length == 2 && t[1] == '.') return true;
        var letters = 0;
        for (var i = 1; i < t.Length; i++)
        {
            if (char.IsLower(t[i])) letters++;
            else if (t[i] is '\'' or '’' or '-') { }
            else if (char.IsUpper(t[i]) && i > 0 && t[i - 1] is '-' or '\'' or '’') { }
            else return false;
        }
        return letters > 0;
    }

    /// <summary>Begins with a capital or a digit: "DPRK", "Workers'", "731" in a name run.</summary>
    public bool IsNameLike(string text)
    {
        var t = Text(text);
        return t.Length > 0 && (char.IsUpper(t[0]) || char.IsDigit(t[0]));
    }

    /// <summary>The word lower case, without its marks at the ends ("people's" stays, "V." is "v").</summary>
    public string Lower(string text) => Text(text).ToString().TrimEnd('.', '\'', '’').ToLowerInvariant();
}

internal static class TextWords
{
    public static List<TextWord> Of(string text, int from)
    {
        var words = new List<TextWord>();
        var i = from;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsLetterOrDigit(c)) { i++; continue; }
                // A mark inside a word ("Al-Assad", "People's"), or an apostrophe closing a plural possessive ("Workers'").
                if (c is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetter(text[i + 1])) { i++; continue; }
                if (c is '\'' or '’' && text[i - 1] == 's' && (i + 1 == text.Length || !char.IsLetter(text[i + 1]))) { i++; break; }
                break;
            }
            // A lone capital and its full stop: an initial; and "U.S.", "U.N.", initials run together.
            if (i - start == 1 && char.IsUpper(text[start]) && i < text.Length && text[i] == '.')
            {
                i++;
                while (i + 1 < text.Length && char.IsUpper(text[i]) && text[i + 1] == '.') i += 2;
            }
            words.Add(new TextWord(start, i));
        }
        return words;
    }

    /// <summary>
    /// A heading in capitals ("Premier Makes Field Survey"): most of its longer words capitalised and
    /// no full stop at its end, where running text has one. There a title is followed by a verb as
    /// often as by a name, and a body's name by the rest of the heading.
    /// </summary>
    public static bool IsHeading(string text, List<TextWord> words)
    {
        var longer = 0;
        var capitalised = 0;
        foreach (var w in words)
        {
            if (w.End - w.Start < 4) continue;
            longer++;
            if (char.IsUpper(text[w.Start])) capitalised++;
        }
        if (longer == 0) return false;
        var body = text.AsSpan().TrimEnd();
        if (body.Length > 0 && body[^1] is '.' or '"' or '”' or ')' or ';' or ':') return false;
        return capitalised * 10 >= longer * 7;
    }

    /// <summary>Text in capitals throughout ("SAID THE SEOUL-BASED RADIO ..."): no case left to tell a name by.</summary>
    public static bool IsInCapitals(string text, int from)
    {
        var upper = 0;
        var letters = 0;
        for (var i = from; i < text.Length; i++)
        {
            if (!char.IsLetter(text[i])) continue;
            letters++;
            if (char.IsUpper(text[i])) upper++;
        }
        return letters >= 20 && upper * 10 >= letters * 6;
    }
}
