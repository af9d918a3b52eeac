using System.CommandLine;
using Tongsin.Analysis.Entities;
using Tongsin.Analysis.Mentions;

namespace Tongsin.App.Commands;

/// <summary>
/// `tongsin entities show NAME`: one entity found by any spelling, slug or Hangul (a romanisation the
/// gazetteer lacks is read back to Hangul), or a person the gazetteer lacks by the name found: its
/// spellings, Korean name and roles, when it was first and last named, month by month, with whom,
/// and the newest articles.
/// </summary>
internal static class EntityShow
{
    public static Command Create(CommandContext context)
    {
        var name = new Argument<string>("name") { Description = "A spelling (Kim Yo Jong, kim yo-jong, 김여정), a slug (kim-yo-jong) or a found name's key (person:ri-chol-ho)" };
        var limit = new Option<int>("--limit") { Description = "How many co-mentioned entities and newest articles (1-1000, default 10)", DefaultValueFactory = _ => 10 };
        var command = new Command("show", "Show one entity: spellings, roles, first and last mention, mentions per month, who is named with it, newest articles");
        command.Arguments.Add(name);
        command.Options.Add(limit);
        command.SetAction(parse =>
        {
            var asked = parse.GetValue(name)!.Trim();
            var n = parse.GetValue(limit);
            if (n is < 1 or > 1000) throw new UsageException($"--limit must be between 1 and 1000, not {n}");
            if (asked.Length == 0) throw new UsageException("give a name, a spelling or a slug");
            var gazetteer = Gazetteer.Load();
            using var archive = context.OpenArchive(parse);
            var mentions = new EntityMentions(archive);
            var (key, entity) = Resolve(gazetteer, mentions, asked);
            Write(context.Console.Out, mentions, key, entity, n);
            return 0;
        });
        return command;
    }

    private static (string Key, Entity? Entity) Resolve(Gazetteer gazetteer, EntityMentions mentions, string asked)
    {
        if (gazetteer[asked] is { } bySlug) return (bySlug.Slug, bySlug);
        var found = gazetteer.Find(asked);
        if (found.Count == 0) found = gazetteer.FindByReading(asked);
        if (found.Count == 1) return (found[0].Slug, found[0]);
        if (found.Count > 1)
            throw new UsageException($"'{asked}' names {found.Count} entities; ask for one by its slug: "
                + string.Join(", ", found.Select(e => $"{e.Slug} ({EntityKinds.Name(e.Kind)}, {e.Name})")));
        var key = asked.Contains(':') ? asked : RecognisedMention.UnknownPersonKey(asked);
        if (mentions.ArticleCount(key) > 0) return (key, null);
        throw new UsageException($"'{asked}' is no entity of the gazetteer, and no article names a person so ('tongsin entities --filter' lists entities)");
    }

    private static void Write(TextWriter o, EntityMentions mentions, string key, Entity? entity, int limit)
    {
        var articles = mentions.ArticleCount(key);
        var span = mentions.Span(key);
        if (entity is null)
        {
            o.WriteLine($"{mentions.NameOf(key) ?? key} ({key}, found by the shape of the name; not in the gazetteer)");
        }
        else
        {
            o.WriteLine($"{entity.Name} ({entity.Slug}, {EntityKinds.Name(entity.Kind)})");
            if (entity.Korean is not null) o.WriteLine($"Korean: {entity.Korean}");
            if (entity.Aliases.Count > 0) o.WriteLine($"Also written: {string.Join("; ", entity.Aliases)}");
            foreach (var role in entity.Roles)
                o.WriteLine($"Role: {role.Title}{Years(role)}");
        }
        o.WriteLine(span is { } s
            ? $"Named in {articles:N0} article{(articles == 1 ? "" : "s")}, first {s.First:yyyy-MM-dd}, last {s.Last:yyyy-MM-dd}"
            : "Named in no article (has 'tongsin analyse' run?)");
        if (span is null) return;
        o.WriteLine();
        o.WriteLine("Articles per month:");
        foreach (var m in mentions.PerMonth(key)) o.WriteLine($"  {m.Month}  {m.Articles,6:N0}");
        o.WriteLine();
        o.WriteLine("Named most often with:");
        foreach (var c in mentions.CoMentioned(key, limit)) o.WriteLine($"  {c.Articles,6:N0}  {c.Name} ({c.Entity}, {c.Kind})");
        o.WriteLine();
        o.WriteLine("Newest articles:");
        foreach (var a in mentions.Newest(key, limit)) o.WriteLine($"  {a.ArticleId,8}  {a.Published:yyyy-MM-dd}  {a.Source}  {a.Title}");
    }

    private static string Years(EntityRole role) => (role.From, role.To) switch
    {
        (null, null) => "",
        ({ } f, null) => $" (from {f})",
        (null, { } t) => $" (to {t})",
        ({ } f, { } t) => $" ({f}-{t})",
    };
}
