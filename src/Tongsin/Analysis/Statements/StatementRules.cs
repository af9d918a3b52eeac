using System.Text.RegularExpressions;

namespace Tongsin.Analysis.Statements;

/// <summary>
/// The rules the extractor reads, as data: the words that make a title a report about a statement
/// rather than the statement, the kinds in the order they are tried, the verbs after which a title's
/// opening names its issuer, and the outlets whose commentaries count. docs/statements.md lists them;
/// change both together, and raise <see cref="StatementAnalyser.Revision"/>.
/// </summary>
public static partial class StatementRules
{
    /// <summary>
    /// A title with one of these reports on statements ("DPRK FM Statement Supported", "Letter relay
    /// continues", "Floral Basket and Congratulatory Letter to ...") and is not one.
    /// </summary>
    public static readonly IReadOnlyList<string> NotStatements =
    [
        "supported", "supports", "support for", "hailed", "hails", "backed", "backs", "welcomed", "welcomes", "praised",
        "relay", "distributed", "circulated", "floral", "congratulatory", "greetings", "letter of thanks", "letter of sympathy",
        "memorandum of understanding", "receives", "received", "round-up", "roundup", "reactions",
    ];

    /// <summary>The kinds, tried in this order: the first whose pattern the title matches is the article's.</summary>
    public static readonly IReadOnlyList<(StatementKind Kind, Regex Title)> Kinds =
    [
        (StatementKind.Memorandum, Words(@"memorandum")),
        (StatementKind.PressRelease, Words(@"press release")),
        (StatementKind.PressStatement, Words(@"press statement")),
        (StatementKind.Answer, Words(@"answers?|gives answers|answers question")),
        (StatementKind.Commentary, Words(@"commentary")),
        (StatementKind.Letter, Words(@"open letter|letter")),
        (StatementKind.Statement, Words(@"statement")),
        // "FM Spokesman on ...", "Spokesman for DPRK Ministry of National Defence Slams ...": a spokesperson's statement.
        (StatementKind.Statement, Words(@"spokes(?:man|person|woman)")),
    ];

    /// <summary>In the first paragraphs, what makes a spokesperson's statement an answer to a question.</summary>
    public static readonly Regex AnswerInBody = Words(@"answered (?:a |the )?questions?|in answer to (?:a |the )?questions?|replied to (?:a |the )?questions?");

    /// <summary>The outlets whose commentaries (and articles titled "...: Rodong Sinmun") count as commentaries.</summary>
    public static readonly IReadOnlyList<string> Outlets =
    [
        "KCNA", "Rodong Sinmun", "Nodong Sinmun", "Minju Joson", "Tongil Sinbo", "Uriminzokkiri", "Uriminjokkiri", "Joson Sinbo",
        "Kyonghyang Sinmun", "Naenara", "Voice of Korea", "Pyongyang Times", "Korean Central Broadcasting Station", "Arirang Meari",
    ];

    /// <summary>
    /// The verbs after which a title's opening is its issuer ("DPRK Foreign Minister Choe Son Hui
    /// Issues Press Statement", "Spokesman for DPRK Foreign Ministry Slams ...").
    /// </summary>
    public static readonly IReadOnlyList<string> IssuerVerbs =
    [
        "issues", "releases", "gives", "answers", "makes", "sends", "publishes", "on", "slams", "denounces", "accuses", "blasts",
        "urges", "condemns", "refutes", "rejects", "warns", "says", "terms", "calls", "hits", "clarifies", "reveals", "discloses",
        "expresses", "demands", "raps", "lashes", "derides", "decries", "assails", "flays", "ridicules", "censures", "criticizes",
        "criticises", "dismisses", "exposes", "deplores", "protests", "stresses", "declares", "announces",
    ];

    /// <summary>The words after which a title's issuer ends ("Answer of Spokesman for DPRK Foreign Ministry to Question ...").</summary>
    public static readonly IReadOnlyList<string> IssuerEnds = ["to", "on", "over", "regarding", "about", "concerning", "against", "in", "at", "as", "with"];

    /// <summary>Never a target: the DPRK itself, and the agency that raises the questions spokespeople answer.</summary>
    public static readonly IReadOnlyList<string> NeverTargets = ["dprk", "kcna"];

    /// <summary>A spokesperson named in the first paragraphs, for a title that does not say whose ("FM Spokesman on ...").</summary>
    [GeneratedRegex(@"\bspokes(?:man|person|woman) (?:for|of) (?:the )?(?<body>(?:[\p{Lu}][\p{L}'’.-]*|of|for|and|the)(?: (?:[\p{Lu}][\p{L}'’.-]*|of|for|and|the))*)")]
    public static partial Regex SpokespersonInBody();

    private static Regex Words(string alternatives) => new($@"\b(?:{alternatives})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
