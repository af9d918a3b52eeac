namespace Tongsin.Analysis.Rhetoric;

/// <summary>One sentence of an article, the targets it names and the hostile terms it carries.</summary>
public sealed record JudgedSentence(int Position, string Text, IReadOnlyList<string> Targets, IReadOnlyList<LexiconTerm> Terms)
{
    /// <summary>Hostile toward a target: the sentence names it and carries a term of the lexicon.</summary>
    public bool HostileToward(string target) => Terms.Count > 0 && Targets.Contains(target);
}

/// <summary>A target's count in one article: the sentences naming it, and those of them hostile toward it.</summary>
public sealed record TargetScore(string Target, int Hostile, int Naming);

/// <summary>An article's sentences and its targets' counts.</summary>
public sealed record ArticleRhetoric(int Sentences, IReadOnlyList<TargetScore> Targets);

/// <summary>
/// Whether each sentence of an article aims hostile language at each target it names. The rule is
/// the sentence's: a sentence naming a target and carrying any term of the lexicon is hostile toward
/// it, and toward every other target it names. Two things are left as they are, on purpose, to keep
/// the rule one a reader can check by eye:
/// negation ("will never pardon", "can never escape") in KCNA's prose makes a threat stronger far
/// more often than it takes one back, so a negated term still counts; and hostility aimed at one of
/// several targets named together counts for all of them ("China denounced the U.S. hostile
/// policy" counts for China too), which is what docs/rhetoric.md says of "the Japanese
/// reactionaries are following the U.S. imperialists" and errs for a friend named beside a foe.
/// </summary>
public sealed class RhetoricScorer(RhetoricTargets targets, Lexicon lexicon)
{
    /// <summary>The scorer with the gazetteer and the lexicon built into the engine.</summary>
    public static RhetoricScorer Load()
    {
        var lexicon = Lexicon.Load();
        return new RhetoricScorer(new RhetoricTargets(Entities.Gazetteer.Load(), lexicon), lexicon);
    }

    public RhetoricTargets Targets => targets;

    public Lexicon Lexicon => lexicon;

    /// <summary>Each sentence (the title first, as sentence 0), with its targets and, where it names any, its hostile terms.</summary>
    public IReadOnlyList<JudgedSentence> Judge(string title, IReadOnlyList<string> paragraphs) =>
        Sentences.Split(title, paragraphs).Select((text, i) =>
        {
            var named = targets.Find(text);
            return new JudgedSentence(i, text, named, named.Count == 0 ? [] : lexicon.Find(text));
        }).ToList();

    /// <summary>The article's sentence count and, for each target it names, how many sentences name it and how many of them are hostile.</summary>
    public ArticleRhetoric Score(string title, IReadOnlyList<string> paragraphs)
    {
        var sentences = Sentences.Split(title, paragraphs);
        var counts = new Dictionary<string, (int Hostile, int Naming)>(StringComparer.Ordinal);
        foreach (var text in sentences)
        {
            var named = targets.Find(text);
            if (named.Count == 0) continue;
            var hostile = lexicon.Any(text) ? 1 : 0;
            foreach (var target in named)
            {
                var (h, n) = counts.GetValueOrDefault(target);
                counts[target] = (h + hostile, n + 1);
            }
        }
        return new ArticleRhetoric(sentences.Count,
            counts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new TargetScore(kv.Key, kv.Value.Hostile, kv.Value.Naming)).ToList());
    }
}
