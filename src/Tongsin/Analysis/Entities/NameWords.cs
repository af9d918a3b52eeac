namespace Tongsin.Analysis.Entities;

/// <summary>A word of a text by its place: a run of letters, cut where a capital follows a small letter ("ComradeKim" is two) or stands between a capital and a small letter ("HEKim").</summary>
internal readonly record struct NameWord(int Start, int End)
{
    public ReadOnlySpan<char> Text(string text) => text.AsSpan(Start, End - Start);
}

internal static class NameWords
{
    public static List<NameWord> Of(string text, int from)
    {
        var words = new List<NameWord>();
        var start = -1;
        for (var i = from; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start >= 0 && char.IsUpper(text[i])
                && (char.IsLower(text[i - 1]) || (char.IsUpper(text[i - 1]) && i + 1 < text.Length && char.IsLower(text[i + 1]))))
            {
                words.Add(new NameWord(start, i));
                start = i;
            }
            else if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                words.Add(new NameWord(start, i));
                start = -1;
            }
        }
        return words;
    }
}
