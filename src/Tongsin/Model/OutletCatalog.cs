using System.Collections.Frozen;

namespace Tongsin.Model;

/// <summary>
/// The outlets Tongsin knows by name, and the other names they go by on monitoring services
/// (KCNA Watch calls the agency "KCNA", older sources spell Minju Joson "Minju Choson").
/// An outlet not listed here is still accepted under the name it was given.
/// </summary>
public sealed class OutletCatalog
{
    private static readonly (Outlet Outlet, string[] Aliases)[] Known =
    [
        (new("korean-central-news-agency", "Korean Central News Agency", "조선중앙통신", "kcna.kp"), ["KCNA", "Korean Central News Agency (KCNA)", "조선중앙통신사"]),
        (new("rodong-sinmun", "Rodong Sinmun", "로동신문", "rodong.rep.kp"), ["Rodong", "Nodong Sinmun", "Rodong Sinmun (Workers' Newspaper)"]),
        (new("voice-of-korea", "Voice of Korea", "조선의 소리", "vok.rep.kp"), ["VOK", "The Voice of Korea"]),
        (new("ministry-of-foreign-affairs", "Ministry of Foreign Affairs", "외무성", "mfa.gov.kp"), ["MFA", "DPRK Ministry of Foreign Affairs", "Ministry of Foreign Affairs of DPR Korea", "Foreign Ministry"]),
        (new("minju-joson", "Minju Joson", "민주조선", "minju.rep.kp"), ["Minju Choson", "Minjoo Chosun"]),
        (new("naenara", "Naenara", "내나라", "naenara.com.kp"), []),
        (new("pyongyang-times", "Pyongyang Times", "평양시보", "pyongyangtimes.com.kp"), ["The Pyongyang Times"]),
        (new("chongnyon-jonwi", "Chongnyon Jonwi", "청년전위", "youth.rep.kp"), ["Chongnyon Chonwi"]),
        (new("uriminzokkiri", "Uriminzokkiri", "우리민족끼리", "uriminzokkiri.com"), ["Uriminjokkiri"]),
        (new("korean-central-television", "Korean Central Television", "조선중앙텔레비죤", null), ["KCTV", "Korean Central TV"]),
        (new("dprk-today", "DPRK Today", "조선의 오늘", "dprktoday.com"), ["Choson-ui Onul"]),
        (new("tongil-sinbo", "Tongil Sinbo", "통일신보", null), []),
        (new("arirang-meari", "Arirang Meari", "아리랑메아리", null), []),
        (new("echo-of-unification", "Echo of Unification", "통일의 메아리", null), ["Tongil Voice"]),
        (new("korea-today", "Korea Today", "오늘의 조선", null), []),
        (new("foreign-trade", "Foreign Trade", "조선의 무역", "kftrade.com.kp"), ["Foreign Trade of DPR Korea"]),
        (new("ryomyong", "Ryomyong", "려명", "ryomyong.edu.kp"), []),
        (new("kumsusan", "Kumsusan", "금수산", null), []),
        (new("sogwang", "Sogwang", "서광", null), []),
        (new("hwanggumpyong", "Hwanggumpyong", "황금평", null), []),
        (new("chosun-sinbo", "Chosun Sinbo", "조선신보", "chosonsinbo.com"), ["Choson Sinbo"]),
    ];

    private readonly FrozenDictionary<string, Outlet> _byName;

    public OutletCatalog()
    {
        var byName = new Dictionary<string, Outlet>(StringComparer.OrdinalIgnoreCase);
        foreach (var (outlet, aliases) in Known)
        {
            byName[outlet.Name] = outlet;
            byName[outlet.Slug] = outlet;
            if (outlet.NameKo is not null) byName[outlet.NameKo] = outlet;
            foreach (var alias in aliases) byName[alias] = outlet;
        }
        _byName = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The outlet of that name or alias, or null when the catalogue does not know it.</summary>
    public Outlet? Find(string name) => _byName.GetValueOrDefault(name.Trim());

    /// <summary>The known outlet of that name, or a new one named as given.</summary>
    public Outlet Resolve(string name)
    {
        var trimmed = name.Trim();
        return Find(trimmed) ?? new Outlet(Slugs.From(trimmed), trimmed);
    }
}
