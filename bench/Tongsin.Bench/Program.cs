using Tongsin.Bench;
using Tongsin.Bench.Generation;
using Tongsin.Bench.Measuring;

// import:          generate the pages (untimed), then alternate timed imports and floors, each in a child process.
// generate:        only write the pages.
// history:       the real corpus and a million grown from it on SQLite and PostgreSQL side by side.
// search:        latency of a query mix, Tongsin against raw FTS5, over an archive grown from the real corpus.
// pg-search:       latency of the same mix through a PostgreSQL archive's search (--db postgres://...).
// cost-bounds:     wrk against `tongsin serve` over the real corpora, with and without the costly queries of a hostile client.
// web:             wrk against `tongsin serve` over an archive of N generated articles (built once, then reused).
// reprints:        reprint detection over an archive grown from the real corpus: clustering from scratch, a new copy's check, import on/off.
// reprint-pairs:   precision, recall and F1 of reprint detection on the labelled pairs, against the threshold.
// mentions-eval:   precision and recall of the mention recogniser on the judged sample (eval/mentions/sample.jsonl).
// mentions-look:   what the recogniser finds in every Nth article of a corpus, for reading against the rules.
// appearances-eval: precision and recall of the appearance extractor on the judged sample.
// appearances-look: the extractor's records for random articles outside the judged sample.
// rhetoric-eval:   precision and recall of hostile sentences against the judged sample (eval/rhetoric/sample.jsonl).
// rhetoric-terms:  each lexicon term's sentences in a corpus, and the negations before terms.
// rhetoric:        the rhetoric index of one target over all years, timed, on an archive already analysed (--db).
// entity-page:     /entities/{slug} of `tongsin serve` over loopback on an analysed archive (--db), p50/p99, and its archive calls.
// appearances:     /appearances for every followed person and year on an analysed archive (--db), p50/p99, and the calendar's calls.
// measure-import, measure-floor: one timed run, in the child process; prints one MEASUREMENT line.
try
{
    var options = new Options(args);
    var pages = options.Int("pages", 100_000);
    var seed = options.Int("seed", 1);
    var folder = options.String("dir", Path.Combine(Path.GetTempPath(), "tongsin-bench", $"pages-{pages}-seed{seed}"));
    switch (options.Command)
    {
        case "import":
            return ImportCommand.Run(options, pages, seed, folder);
        case "relevance":
            return RelevanceReport.Run(options);
        case "web":
            return Tongsin.Bench.Web.WebBenchmark.Run(options);
        case "cost-bounds":
            return Tongsin.Bench.Web.CostBoundBenchmark.Run(options);
        case "history":
            return Tongsin.Bench.Corpus.HistoryBenchmark.Run(options);
        case "search-probe":
            return Tongsin.Bench.Corpus.SearchProbe.Run(options);
        case "search":
            return Tongsin.Bench.Corpus.SearchBenchmark.Run(options);
        case "pg-search":
            return PostgresSearchProbe.Run(options);
        case "crawl":
            return Tongsin.Bench.Crawling.CrawlBenchmark.Run(options);
        case "reprints":
            return Tongsin.Bench.Reprints.ReprintBenchmark.Run(options);
        case "measure-reprint-clusters":
            Console.WriteLine(Tongsin.Bench.Reprints.ReprintBenchmark.MeasureClusters(options.String("archive", "")).ToLine());
            return 0;
        case "reprint-pairs":
            return Tongsin.Bench.Reprints.ReprintPairsReport.Run(options);
        case "trends":
            return Tongsin.Bench.Trends.TrendBenchmark.Run(options);
        case "mentions-eval":
            return Tongsin.Bench.Mentions.MentionsEvalReport.Run(options);
        case "mentions-look":
            return Tongsin.Bench.Mentions.MentionsLook.Run(options);
        case "appearances-eval":
            return Tongsin.Bench.Appearances.AppearancesEval.Run(options);
        case "appearances-look":
            return Tongsin.Bench.Appearances.AppearancesLook.Run(options);
        case "rhetoric-eval":
            return Tongsin.Bench.Rhetoric.RhetoricEvaluation.Run(options);
        case "rhetoric-terms":
            return Tongsin.Bench.Rhetoric.LexiconCounts.Run(options);
        case "rhetoric":
            return Tongsin.Bench.Rhetoric.RhetoricBenchmark.Run(options);
        case "entity-page":
            return Tongsin.Bench.Mentions.EntityPageBenchmark.Run(options);
        case "appearances":
            return Tongsin.Bench.Appearances.AppearancesBenchmark.Run(options);
        case "generate":
            Generator.Ensure(folder, pages, seed, Console.Out);
            return 0;
        case "measure-import":
            Console.WriteLine(ImportBenchmark.Run(Generator.Ensure(folder, pages, seed, TextWriter.Null), options.String("archive", "")).ToLine());
            return 0;
        case "measure-floor":
            Console.WriteLine(FloorBenchmark.Run(Generator.Ensure(folder, pages, seed, TextWriter.Null), options.String("archive", "")).ToLine());
            return 0;
        default:
            Console.Error.WriteLine("usage: Tongsin.Bench import --pages N [--dir DIR] [--seed S] [--runs R] [--keep]");
            Console.Error.WriteLine("       Tongsin.Bench generate --pages N [--dir DIR] [--seed S]");
            Console.Error.WriteLine("       Tongsin.Bench web --articles N [--archive PATH] [--seed S] [--duration 30s]");
            Console.Error.WriteLine("       Tongsin.Bench cost-bounds [--seconds 30] [--budget 5] [--corpora DIR] [--archive PATH] [--baseline OTHER/tongsin.dll]");
            Console.Error.WriteLine("       Tongsin.Bench history --articles N [--runs R] [--postgres postgres://user@host:port/postgres] [--corpus PATH]");
            Console.Error.WriteLine("       Tongsin.Bench search --articles N [--archive PATH] [--corpus kcna-co-jp.jsonl.gz] [--runs R]");
            Console.Error.WriteLine("       Tongsin.Bench reprints --articles N [--runs R] [--samples S] [--corpus kcna-co-jp.jsonl.gz]");
            Console.Error.WriteLine("       Tongsin.Bench reprint-pairs [--pairs FILE] [--corpora DIR]");
            Console.Error.WriteLine("       Tongsin.Bench mentions-eval [--sample eval/mentions/sample.jsonl] [--corpora DIR]");
            Console.Error.WriteLine("       Tongsin.Bench mentions-look [--corpus FILE.jsonl.gz] [--every N] [--unknown yes]");
            Console.Error.WriteLine("       Tongsin.Bench appearances-eval [--sample FILE] [--corpora DIR] [--show]");
            Console.Error.WriteLine("       Tongsin.Bench appearances-look [--corpus FILE] [--title REGEX] [--year YYYY] [--count N] [--seed N] [--chars N] [--missed]");
            Console.Error.WriteLine("       Tongsin.Bench rhetoric-eval [--sample eval/rhetoric/sample.jsonl] [--corpora DIR]");
            Console.Error.WriteLine("       Tongsin.Bench rhetoric-terms [--corpus kcna-co-jp-1997-2018.jsonl.gz]");
            Console.Error.WriteLine("       Tongsin.Bench rhetoric --db PATH|postgres://... [--target united-states] [--runs R]");
            Console.Error.WriteLine("       Tongsin.Bench entity-page --db PATH|postgres://... [--top 10] [--entities 40] [--runs 5]");
            Console.Error.WriteLine("       Tongsin.Bench appearances --db PATH|postgres://... [--runs 5]");
            Console.Error.WriteLine("       Tongsin.Bench pg-search --db postgres://... [--runs R] [--query Q] [--facets] [--window N]");
            return 2;
    }
}
catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or IOException)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 1;
}
