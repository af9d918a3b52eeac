using System.Text.RegularExpressions;

namespace Tongsin.Analysis.Appearances;

/// <summary>How a Korean report's lead is read: the place is what stands before the verb, its particles and the day left out.</summary>
public static partial class KoreanReading
{
    [GeneratedRegex(@"^(?:.*?\d{1,2}\s*일\s*)?(?:(?:새로|최근|다시)\s*)?")]
    private static partial Regex Lead();

    [GeneratedRegex(@"\s*(?:을|를|에서|에|과|와)?\s*(?:현지에서|현지)?\s*(?:을|를|에서|에)?\s*$")]
    private static partial Regex Particles();

    public static string Place(string beforeVerb)
    {
        var text = beforeVerb.Trim().TrimStart(',', ' ');
        text = Lead().Replace(text, "");
        text = Particles().Replace(text, "");
        return text.Length > 120 ? text[^120..] : text.Trim();
    }

    // Before a leg's verb: the subject ("김정은동지께서는") and the words of sequence ("먼저", "이어", "다음으로") go.
    [GeneratedRegex(@"^.*(?:께서는|께서)\s*|^\s*(?:먼저|이어|이어서|다음으로|또한|그 다음)\s*|^\s*(?:먼저|이어|이어서|다음으로|또한)\s*")]
    private static partial Regex LegOpening();

    // A place that only says where a round went: "여러 단위", "각지의 ...".
    [GeneratedRegex(@"(?:여러|각지|여러곳|부문|단위들)")]
    private static partial Regex RoundWords();

    /// <summary>The place of a leg of a trip, the words before its verb; null when they name no place of a kind (a room, the production lines).</summary>
    public static string? LegPlace(string beforeVerb)
    {
        var text = LegOpening().Replace(beforeVerb.Trim(), "");
        text = LegOpening().Replace(text, "");
        var place = Place(text);
        // A named place is written solid and ends in what it is ("함흥방직공장"); "공장의 생산공정들" is a part of one.
        if (place.Length is < 3 or > 40 || place.Contains(' ')) return null;
        return Words.Any(w => w.Words.Any(word => place.EndsWith(word, StringComparison.Ordinal))) ? place : null;
    }

    /// <summary>Whether a place only names the round of a trip ("여러 단위").</summary>
    public static bool Round(string place) => RoundWords().IsMatch(place);

    // The kind rules' words are English; a Korean place is kinded by a few words of its own.
    private static readonly (string Kind, string[] Words)[] Words =
    [
        (AppearanceKind.Military, ["군부대", "부대", "인민군", "훈련", "사격", "발사", "미싸일", "로케트", "군수", "해군", "항공", "포병", "구분대", "땅크"]),
        (AppearanceKind.Political, ["회의", "대회", "전원회의", "금수산", "동상", "궁전", "열병식"]),
        (AppearanceKind.SocialCultural, ["공연", "학교", "대학", "병원", "살림집", "경기", "극장", "유원지", "육아원", "애육원", "소년"]),
        (AppearanceKind.Economic, ["공장", "련합기업소", "기업소", "농장", "건설", "발전소", "광산", "탄광", "양어장", "온실", "상점", "제철소"]),
        (AppearanceKind.Diplomatic, ["대표단", "대사", "대통령", "주석", "총리", "회담"]),
    ];

    public static string Kind(string activity, string place)
    {
        if (activity is AppearanceActivities.Received or AppearanceActivities.TalkedWith) return AppearanceKind.Diplomatic;
        var best = (At: int.MaxValue, Kind: (string?)null);
        foreach (var (kind, words) in Words)
            foreach (var word in words)
                if (place.IndexOf(word, StringComparison.Ordinal) is var at and >= 0 && at < best.At) best = (at, kind);
        return best.Kind ?? (activity is AppearanceActivities.PresidedOver or AppearanceActivities.SpokeAt ? AppearanceKind.Political : AppearanceKind.Political);
    }
}
