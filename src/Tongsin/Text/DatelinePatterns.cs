using System.Text.RegularExpressions;

namespace Tongsin.Text;

/// <summary>
/// The agency's opening line as it writes it: "Pyongyang, June 30 (KCNA) --" in English,
/// "Pyongyang, 15 de julio (ATCC) --" in Spanish, "(평양 8월 21일발 조선중앙통신)" in Korean. One
/// definition for the readers that take it off an article and the analyses that leave it out of a text.
/// </summary>
public static partial class DatelinePatterns
{
    [GeneratedRegex(@"^(?<place>[\p{Lu}][\p{L} .'’-]{1,40}),\s+(?<date>[^()]{3,30}?)\s*\((?<agency>[A-Za-z]{2,5}(?:-[A-Za-z]{2,5})?)\)\s*-+\s*")]
    public static partial Regex Latin();

    [GeneratedRegex(@"^[(（【\[]\s*(?<place>\p{L}{1,12})\s+(?<month>\d{1,2})\s*월\s*(?<day>\d{1,2})\s*일\s*발\s*(?<agency>\p{L}{2,12})\s*[)）】\]]\s*")]
    public static partial Regex Korean();
}
