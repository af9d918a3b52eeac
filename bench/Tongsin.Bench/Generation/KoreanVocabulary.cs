namespace Tongsin.Bench.Generation;

/// <summary>The word stock of generated Korean-language articles.</summary>
internal static class KoreanVocabulary
{
    public static readonly string[] Leaders = ["경애하는 김정은동지께서", "경애하는 총비서동지께서", "위대한 수령 김일성동지께서", "위대한 령도자 김정일동지께서"];

    public static readonly string[] Provinces =
    [
        "평안남도", "평안북도", "황해남도", "황해북도", "강원도", "함경남도", "함경북도", "량강도", "자강도", "평양시", "라선시", "남포시", "개성시",
    ];

    public static readonly string[] Works =
    [
        "김책제철련합기업소", "천리마제강련합기업소", "흥남비료련합기업소", "남흥청년화학련합기업소", "룡성기계련합기업소", "락원기계련합기업소",
        "순천린비료공장", "단천제련소", "평양방직공장", "신의주화장품공장", "대안친선유리공장", "상원세멘트련합기업소", "북창화력발전련합기업소",
    ];

    public static readonly string[] Subjects =
    [
        "조선로동당", "당중앙위원회", "최고인민회의", "내각", "인민군장병들", "농업근로자들", "로동계급", "과학자, 기술자들", "청년들", "녀맹원들",
        "교원들과 학생들", "보건일군들", "건설자들", "탄부들", "어로공들", "일군들과 근로자들",
    ];

    public static readonly string[] Objects =
    [
        "인민경제계획", "알곡생산계획", "살림집건설", "지방발전 20×10 정책", "농촌혁명강령", "전원회의결정", "새 기술도입", "생산정상화", "현대화사업",
        "방역사업", "교육사업", "과학기술발전", "경제건설", "국방력강화", "자력갱생", "사회주의건설", "농촌살림집", "온실농장건설",
    ];

    public static readonly string[] Verbs =
    [
        "을 높은 수준에서 수행하였다", "을 위한 투쟁을 힘있게 벌리고 있다", "에서 새로운 성과를 이룩하였다", "을 앞당겨 끝냈다", "을 적극 추진하고 있다",
        "에 대하여 강조하시였다", "을 현지에서 료해하시였다", "을 성과적으로 결속하였다", "에서 혁신을 일으키고 있다", "을 철저히 관철하고 있다",
    ];

    public static readonly string[] Enemies = ["미제", "미국과 그 추종세력들", "괴뢰군부깡패들", "일본반동들", "적대세력들"];

    public static readonly string[] Condemnations =
    [
        "의 무분별한 군사적도발은 조선반도의 평화와 안정을 엄중히 위협하고 있다", "의 침략적본색은 절대로 가리울수 없다",
        "의 책동은 반드시 값비싼 대가를 치르게 될것이다", "의 적대행위를 단호히 규탄배격한다",
    ];

    public static readonly string[] TitleHeads = ["경애하는 김정은동지께서", "", "", "", "조선외무성 대변인", "조선중앙통신사 론평:"];

    public static readonly string[] TitleTails =
    [
        "을 현지지도하시였다", "에서 련일 혁신", "의 새로운 성과", "을 힘있게 추진", "에서 경축행사 진행", "건설 완공", "에서 기술혁신",
        "을 위한 군중집회", "에 축하장", "의 위훈을 빛내이며", "에 대한 담화", "앞으로!",
    ];
}
