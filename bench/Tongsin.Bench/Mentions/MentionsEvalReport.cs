namespace Tongsin.Bench.Mentions;

/// <summary>
/// `mentions-eval`: the recogniser over the judged sample (eval/mentions/sample.jsonl), precision
/// and recall of (article, entity) pairs per kind, then every pair found wrongly and every pair missed.
/// </summary>
internal static class MentionsEvalReport
{
    public static string DefaultSample => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../eval/mentions/sample.jsonl"));

    public static string DefaultCorpora => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/corpora"));

    public static int Run(Options options)
    {
        var samplePath = options.String("sample", DefaultSample);
        var corpora = options.String("corpora", DefaultCorpora);
        if (MentionEvaluation.Missing(samplePath, corpora) is { } missing)
        {
            Console.WriteLine("skipped: " + missing);
            return 0;
        }
        var o = Console.Out;
        MentionEvaluation.Write(MentionEvaluation.Evaluate(MentionSample.Read(samplePath), corpora, o), o);
        return 0;
    }
}
