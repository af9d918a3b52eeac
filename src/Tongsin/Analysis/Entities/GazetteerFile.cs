using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Tongsin.Text;

namespace Tongsin.Analysis.Entities;

/// <summary>
/// One gazetteer file: JSON lines, an entity an object a line, so that a change to an entity is a
/// change to one line of a diff. Blank lines and lines starting with # (section headings, reasons)
/// are skipped. Each line is checked on its own here; what needs every line at once (slugs and
/// spellings claimed twice) is <see cref="GazetteerChecks"/>.
/// </summary>
internal static partial class GazetteerFile
{
    private static readonly JsonSerializerOptions Options = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
    };

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugShape();

    public static List<Entity> Read(string file, TextReader reader, List<string> errors)
    {
        var entities = new List<Entity>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '#') continue;
            var source = new EntitySource(file, number);
            EntityLine? parsed;
            try { parsed = JsonSerializer.Deserialize<EntityLine>(text, Options); }
            catch (JsonException e) { errors.Add($"{source}: not an entity: {e.Message}"); continue; }
            if (parsed is null) { errors.Add($"{source}: not an entity: null"); continue; }
            if (ToEntity(parsed, source, errors) is { } entity) entities.Add(entity);
        }
        return entities;
    }

    private static Entity? ToEntity(EntityLine line, EntitySource source, List<string> errors)
    {
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(line.Slug)) errors.Add($"{source}: no slug");
        else if (!SlugShape().IsMatch(line.Slug)) errors.Add($"{source}: slug '{line.Slug}' is not lower-case words joined by hyphens");
        if (string.IsNullOrWhiteSpace(line.Name)) errors.Add($"{source}: no name");
        EntityKind kind = default;
        if (line.Kind is null) errors.Add($"{source}: no kind ({string.Join(", ", EntityKinds.ByName.Keys)})");
        else if (!EntityKinds.ByName.TryGetValue(line.Kind, out kind))
            errors.Add($"{source}: unknown kind '{line.Kind}' ({string.Join(", ", EntityKinds.ByName.Keys)})");
        if (line.Korean is not null && !IsHangul(line.Korean)) errors.Add($"{source}: korean '{line.Korean}' is not Hangul");
        var aliases = (line.Aliases ?? []).Select(a => a?.Trim() ?? "").ToList();
        if (aliases.Any(a => a.Length == 0)) errors.Add($"{source}: an empty alias");
        var roles = new List<EntityRole>();
        foreach (var role in line.Roles ?? [])
        {
            if (string.IsNullOrWhiteSpace(role.Title)) errors.Add($"{source}: a role without a title");
            else if (role.From > role.To) errors.Add($"{source}: role '{role.Title}' ends ({role.To}) before it begins ({role.From})");
            else roles.Add(new EntityRole(role.Title.Trim(), role.From, role.To));
        }
        var ambiguous = line.Ambiguous ?? [];
        var name = line.Name?.Trim() ?? "";
        var spellings = aliases.Prepend(name).Append(line.Korean ?? "").Select(SpellingKey.Of).ToHashSet(StringComparer.Ordinal);
        foreach (var a in ambiguous.Where(a => !spellings.Contains(SpellingKey.Of(a ?? ""))))
            errors.Add($"{source}: '{a}' is marked ambiguous but is not one of its spellings");
        if (errors.Count > before) return null;
        return new Entity(line.Slug!, kind, name, line.Korean?.Trim(), aliases.Distinct(StringComparer.Ordinal).Where(a => a != name).ToList(),
            roles, line.Followed, ambiguous, line.Note, source);
    }

    // Hangul syllables, with the spaces, digits and hyphens of names like 5월1일경기장 and 김일성-김정일기금.
    private static bool IsHangul(string text) =>
        Hangul.Contains(text) && text.All(c => Hangul.IsSyllable(c) || c is ' ' or '-' or '·' || char.IsAsciiDigit(c));

    private sealed class EntityLine
    {
        [JsonPropertyName("slug")] public string? Slug { get; set; }
        [JsonPropertyName("kind")] public string? Kind { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("korean")] public string? Korean { get; set; }
        [JsonPropertyName("aliases")] public List<string>? Aliases { get; set; }
        [JsonPropertyName("roles")] public List<RoleLine>? Roles { get; set; }
        [JsonPropertyName("followed")] public bool Followed { get; set; }
        [JsonPropertyName("ambiguous")] public List<string>? Ambiguous { get; set; }
        [JsonPropertyName("note")] public string? Note { get; set; }
        // For the reviewer: how many articles of the corpora carried each spelling when the line was written.
        [JsonPropertyName("seen")] public string? Seen { get; set; }
    }

    private sealed class RoleLine
    {
        [JsonPropertyName("title")] public string? Title { get; set; }
        [JsonPropertyName("from")] public int? From { get; set; }
        [JsonPropertyName("to")] public int? To { get; set; }
    }
}
