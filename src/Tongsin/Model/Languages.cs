namespace Tongsin.Model;

/// <summary>Language codes as the outlets and monitoring services write them, mapped to ISO 639-1.</summary>
public static class Languages
{
    private static readonly Dictionary<string, string> Codes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "en", ["eng"] = "en",
        ["ko"] = "ko", ["kr"] = "ko", ["kor"] = "ko",
        ["zh"] = "zh", ["cn"] = "zh", ["ch"] = "zh", ["chi"] = "zh",
        ["ja"] = "ja", ["jp"] = "ja", ["jpn"] = "ja",
        ["ru"] = "ru", ["rus"] = "ru",
        ["es"] = "es", ["sp"] = "es", ["spa"] = "es",
        ["fr"] = "fr", ["fre"] = "fr", ["fra"] = "fr",
        ["de"] = "de", ["ge"] = "de", ["ger"] = "de", ["deu"] = "de",
        ["ar"] = "ar", ["ara"] = "ar",
    };

    /// <summary>The ISO 639-1 code for a code such as "EN", "KR" or "CN"; null when unknown.</summary>
    public static string? Normalise(string code) => Codes.GetValueOrDefault(code.Trim());

    /// <summary>Guesses from the script: Hangul makes it Korean, kana Japanese, Han alone Chinese, Cyrillic Russian.</summary>
    public static string Guess(string text)
    {
        int hangul = 0, kana = 0, han = 0, cyrillic = 0, arabic = 0, latin = 0;
        foreach (var ch in text)
        {
            if (ch is >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F') hangul++;
            else if (ch is >= '\u3040' and <= '\u30FF') kana++;
            else if (ch is >= '\u4E00' and <= '\u9FFF') han++;
            else if (ch is >= '\u0400' and <= '\u04FF') cyrillic++;
            else if (ch is >= '\u0600' and <= '\u06FF') arabic++;
            else if (char.IsAsciiLetter(ch)) latin++;
        }
        if (hangul > 0 && hangul >= kana) return "ko";
        if (kana > 0) return "ja";
        if (han > latin) return "zh";
        if (cyrillic > latin) return "ru";
        if (arabic > latin) return "ar";
        return "en";
    }
}
