namespace Tongsin.Analysis;

/// <summary>
/// An analysis: a pure function from one article's current version to rows of its own tables.
/// Its <see cref="Name"/> names it in the archive; a new <see cref="Revision"/> (a changed rule, a
/// new column) makes the runner rebuild its tables from the whole archive.
/// </summary>
public interface IAnalyser
{
    string Name { get; }

    int Revision { get; }

    /// <summary>The tables it writes; each row of each belongs to one article.</summary>
    IReadOnlyList<DerivedTable> Tables { get; }

    /// <summary>The rows one article's text gives, each for one of <see cref="Tables"/>.</summary>
    IEnumerable<DerivedRow> Analyse(ArticleText article);
}

/// <summary>
/// The text of one article as its current version has it: what an analyser reads. Its
/// <paramref name="Dateline"/> is the opening line the archive took off the text ("Pyongyang, May 5
/// (KCNA) --"), when it had one: the day a report is dated from.
/// </summary>
public sealed record ArticleText(long ArticleId, int Version, string SourceSlug, string Language, DateOnly Published, string Title, IReadOnlyList<string> Paragraphs, Model.Dateline? Dateline = null);

/// <summary>
/// A table an analyser writes: a plain table, the same on every backend, whose rows each belong to
/// one article (its first column, article_id). Column types are SQL both backends take
/// (<c>bigint</c>, <c>integer</c>, <c>text</c>, <c>double precision</c>).
/// </summary>
public sealed record DerivedTable(string Name, IReadOnlyList<(string Name, string Type)> Columns)
{
    internal string Create => $"CREATE TABLE IF NOT EXISTS {Name} (article_id bigint NOT NULL, {string.Join(", ", Columns.Select(c => $"{c.Name} {c.Type}"))})";

    internal string Index => $"CREATE INDEX IF NOT EXISTS {Name}_article ON {Name} (article_id)";

    /// <summary>An insert of <paramref name="rows"/> rows in one statement; row i's parameters are a{i} (its article) and c{j}_{i} (its columns).</summary>
    internal string InsertMany(int rows) =>
        $"INSERT INTO {Name} (article_id, {string.Join(", ", Columns.Select(c => c.Name))}) VALUES "
        + string.Join(", ", Enumerable.Range(0, rows).Select(i => $"(@a{i}, {string.Join(", ", Columns.Select((_, j) => $"@c{j}_{i}"))})"));
}

/// <summary>One row of a derived table: <paramref name="Values"/> has a property for each of the table's columns, by name.</summary>
public readonly record struct DerivedRow(DerivedTable Table, object Values);
