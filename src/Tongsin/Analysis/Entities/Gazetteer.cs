using System.Reflection;
using Tongsin.Text;

namespace Tongsin.Analysis.Entities;

/// <summary>
/// The people, organisations, countries, places and ideas the archive tags articles with, and every
/// spelling they go by. <see cref="Load()"/> reads the gazetteer built into the engine
/// (Analysis/Entities/Gazetteer/*.jsonl, docs/entities.md); <see cref="Load(string)"/> reads a user's
/// own file or folder of files instead.
/// </summary>
public sealed class Gazetteer
{
    private const string ResourcePrefix = "Tongsin.Gazetteer.";

    private readonly Dictionary<string, Entity> bySlug;
    private readonly Dictionary<string, List<Entity>> bySpelling;

    public IReadOnlyList<Entity> Entities { get; }

    /// <summary>Every spelling of every entity, longest first, so that "Kim Il Sung University" is tried before "Kim Il Sung".</summary>
    public IReadOnlyList<EntitySpelling> Spellings { get; }

    private Gazetteer(IReadOnlyList<Entity> entities)
    {
        Entities = entities;
        bySlug = entities.ToDictionary(e => e.Slug, StringComparer.Ordinal);
        bySpelling = new Dictionary<string, List<Entity>>(StringComparer.Ordinal);
        var spellings = new List<EntitySpelling>();
        foreach (var entity in entities)
        {
            var ambiguous = entity.Ambiguous.Select(SpellingKey.Of).ToHashSet(StringComparer.Ordinal);
            foreach (var spelling in entity.Spellings.Append(entity.Korean ?? "").Where(s => s.Length > 0).Distinct(StringComparer.Ordinal))
            {
                var key = SpellingKey.Of(spelling);
                if (key.Length == 0) continue;
                spellings.Add(new EntitySpelling(spelling, entity, ambiguous.Contains(key)));
                var found = bySpelling.TryGetValue(key, out var list) ? list : bySpelling[key] = [];
                if (!found.Contains(entity)) found.Add(entity);
            }
        }
        Spellings = spellings.OrderByDescending(s => s.Text.Length).ThenBy(s => s.Text, StringComparer.Ordinal).ToList();
    }

    /// <summary>The gazetteer built into the engine.</summary>
    public static Gazetteer Load()
    {
        var assembly = typeof(Gazetteer).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[ResourcePrefix.Length..], Open(assembly, n)));
        return Read(files);
    }

    /// <summary>A gazetteer file, or a folder whose *.jsonl files make one gazetteer.</summary>
    public static Gazetteer Load(string path)
    {
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.jsonl").Order(StringComparer.Ordinal).ToArray()
            : File.Exists(path) ? [path] : throw new GazetteerException([$"{path}: no such file or folder"]);
        return Read(files.Select(f => (f, (TextReader)new StreamReader(f))));
    }

    /// <summary>A gazetteer from text already at hand, each piece named for the errors.</summary>
    public static Gazetteer Read(IEnumerable<(string File, TextReader Reader)> files)
    {
        var errors = new List<string>();
        var entities = new List<Entity>();
        foreach (var (file, reader) in files)
            using (reader) entities.AddRange(GazetteerFile.Read(file, reader, errors));
        GazetteerChecks.Check(entities, errors);
        if (errors.Count > 0) throw new GazetteerException(errors);
        return new Gazetteer(entities);
    }

    private static TextReader Open(Assembly assembly, string name) =>
        new StreamReader(assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"no resource {name}"));

    public Entity? this[string slug] => bySlug.GetValueOrDefault(slug);

    /// <summary>
    /// The entities a spelling names, however it is cased, hyphenated or accented ("kim jong-il",
    /// "U.S.", "Kim Jŏng-il"), or written in Hangul (김정일, 로동당 or 노동당). Several when the spelling is
    /// ambiguous or names entities of different kinds; none when it is unknown.
    /// </summary>
    public IReadOnlyList<Entity> Find(string spelling)
    {
        if (bySpelling.TryGetValue(SpellingKey.Of(spelling), out var found)) return found;
        // A possessive names its owner ("Kim Jong Un's"); a name that itself ends in 's was matched above.
        var trimmed = spelling.TrimEnd();
        return trimmed.Length > 2 && trimmed[^1] is 's' && trimmed[^2] is '\'' or '’'
            && bySpelling.TryGetValue(SpellingKey.Of(trimmed[..^2]), out found) ? found : [];
    }

    /// <summary>
    /// The persons a romanised name in any system may be, read back into Hangul by rule when the
    /// spelling itself is unknown: "Ri Byeong-cheol" finds Ri Pyong Chol through 리병철.
    /// </summary>
    public IReadOnlyList<Entity> FindByReading(string romanised, int readings = 32)
    {
        if (Find(romanised) is { Count: > 0 } known) return known;
        return KoreanRomaniser.HangulCandidates(romanised, readings)
            .SelectMany(Find)
            .Where(e => e.Kind == EntityKind.Person)
            .Distinct()
            .ToList();
    }

    /// <summary>The followed persons (the calendar's) a slug or any spelling names: the one its slug names, else those its spelling does.</summary>
    public IReadOnlyList<Entity> FindFollowed(string text) =>
        this[text.Trim()] is { Followed: true } bySlug ? [bySlug] : Find(text).Where(e => e.Followed).ToList();

    /// <summary>
    /// The slug a text names: the text itself when it is a slug, else the one entity its spelling
    /// names; null when it names none or several (then a caller matches the name as written).
    /// </summary>
    public string? SlugOf(string text)
    {
        var trimmed = text.Trim();
        if (this[trimmed] is { } bySlug) return bySlug.Slug;
        return Find(trimmed) is [var one] ? one.Slug : null;
    }

    /// <summary>How a text names an entity to look for where names are kept as written too: its slug when the gazetteer knows one, else the text as written.</summary>
    public string SlugOrName(string text) => SlugOf(text) ?? text.Trim();

    public IEnumerable<Entity> OfKind(EntityKind kind) => Entities.Where(e => e.Kind == kind);
}
