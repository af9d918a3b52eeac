using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tongsin.App.Shared;
using Microsoft.Extensions.DependencyInjection;
using Tongsin.Analysis.Entities;
using Tongsin.Analysis.Mentions;
using Tongsin.Archive;
using Tongsin.Model;
using Tongsin.Search;

namespace Tongsin.App.Web;

/// <summary>
/// Reads the query string of a page, an API call or a feed. Whatever is malformed becomes a
/// QueryException whose message names the parameter and says what it should be: a 400.
/// </summary>
internal sealed class Parameters(HttpRequest request, IArchive archive)
{
    public const int MaxQueryLength = 500;

    public string? Text(string name)
    {
        var values = request.Query[name];
        if (values.Count > 1) throw new QueryException($"give '{name}' once, not {values.Count} times");
        var value = values.Count == 1 ? values[0] : null;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>Every value given for a parameter that may repeat, trimmed, the empty ones left out.</summary>
    public IReadOnlyList<string> Values(string name) =>
        request.Query[name].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();

    public int Number(string name, int fallback, int min, int max)
    {
        var text = Text(name);
        if (text is null) return fallback;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw new QueryException($"'{name}' must be a whole number from {min} to {max}, not '{Clip(text)}'");
        return n;
    }

    public (DateOnly? From, DateOnly? To) Dates()
    {
        var from = DateBounds.Parse(Text("from"), "from", start: true, m => new QueryException(m));
        var to = DateBounds.Parse(Text("to"), "to", start: false, m => new QueryException(m));
        if (from > to) throw new QueryException($"'from' ({Display.Iso(from!.Value)}) is after 'to' ({Display.Iso(to!.Value)})");
        return (from, to);
    }

    /// <summary>Whether 'format' asks for CSV rather than JSON (the default); anything else is the caller's mistake.</summary>
    public bool Csv() => Text("format") switch
    {
        null or "json" => false,
        "csv" => true,
        var other => throw new QueryException($"'format' must be json or csv, not '{Clip(other)}'"),
    };

    /// <summary>The sources named by every 'source' value: slugs, labels or outlet names. Null means all.</summary>
    public IReadOnlyList<string>? Sources()
    {
        var wanted = Values("source");
        if (wanted.Count == 0) return null;
        var known = archive.SourceList();
        var slugs = new List<string>();
        foreach (var text in wanted)
        {
            var match = SourceMatcher.Match(text, known, new OutletCatalog());
            if (match.Count == 0) throw new QueryException($"unknown source '{Clip(text)}'; /sources lists the archive's sources");
            slugs.AddRange(match);
        }
        return slugs.Distinct().ToList();
    }

    public string? Language()
    {
        var text = Text("lang");
        if (text is null) return null;
        return Languages.Normalise(text) ?? throw new QueryException($"'lang' must be a language code such as en, ko, zh or ru, not '{Clip(text)}'");
    }

    public SearchSort Sort() => Text("sort") switch
    {
        null or "relevance" => SearchSort.Relevance,
        "newest" => SearchSort.Newest,
        "oldest" => SearchSort.Oldest,
        var other => throw new QueryException($"'sort' must be relevance, newest or oldest, not '{Clip(other)}'"),
    };

    /// <summary>The search text: required, not too long, and with something to search for.</summary>
    public string Query()
    {
        var q = Text("q") ?? throw new QueryException("the query is empty: give the words to search for in 'q'");
        if (q.Length > MaxQueryLength) throw new QueryException($"the query is {q.Length} characters long; the most is {MaxQueryLength}");
        // mentions:"Name" is written out as the entity's spellings before the query is read.
        if (MentionQuery.Has(q)) q = MentionQuery.Expand(q, request.HttpContext.RequestServices.GetRequiredService<Gazetteer>());
        QueryParser.Parse(q);
        return q;
    }

    /// <summary>The whole search but its paging: query, sources, language, dates, order and Korean folding.</summary>
    public SearchRequest Search(int limit, int offset)
    {
        var q = Query();
        var (from, to) = Dates();
        // fold=0 matches Korean as written; by default 로동 and 노동 find each other.
        var fold = Text("fold") is not ("0" or "false");
        return new SearchRequest(q, Sources(), Language(), from, to, limit, offset, Sort(), FoldKorean: fold);
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
