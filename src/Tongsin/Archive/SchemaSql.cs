namespace Tongsin.Archive;

/// <summary>A backend's names for the column types of the schema statements both backends share.</summary>
/// <param name="Sequence">A key the database numbers in the order rows are inserted.</param>
/// <param name="KeyTableOptions">What follows the definition of a table that is all key.</param>
internal sealed record ColumnTypes(string Text, string Id, string Integer, string Day, string Moment, string Flag, string Sequence, string KeyTableOptions = "");

/// <summary>
/// Schema statements the same on both backends but for their column types. Each backend's
/// migrations put them where they belong in its own numbering.
/// </summary>
internal static class SchemaSql
{
    /// <summary>The indexes of the articles table, the titles an article is filed under, and its versions.</summary>
    public static string KeysAndVersions(ColumnTypes t) => $"""
        CREATE INDEX articles_published ON articles (published, id);
        CREATE INDEX articles_source ON articles (source_id, published);
        CREATE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;
        -- Every (source, date, title) an article has been seen under, so an older title still finds it.
        CREATE TABLE article_keys (
            source_id  {t.Id} NOT NULL,
            published  {t.Day} NOT NULL,
            title_key  {t.Text} NOT NULL,
            article_id {t.Id} NOT NULL REFERENCES articles(id),
            PRIMARY KEY (source_id, published, title_key, article_id)
        ){t.KeyTableOptions};
        CREATE TABLE versions (
            article_id  {t.Id} NOT NULL REFERENCES articles(id),
            number      {t.Integer} NOT NULL,
            title       {t.Text} NOT NULL,
            body        {t.Text} NOT NULL,
            hash        {t.Text} NOT NULL,
            captured    {t.Day},
            recorded_at {t.Moment} NOT NULL,
            PRIMARY KEY (article_id, number)
        );
        """;

    /// <summary>The archive's log of changes to articles, and the analysers' watermarks in it.</summary>
    public static string ChangeLog(ColumnTypes t) => $"""
        -- Every change a store made to an article, numbered in the order of its commit (writers take
        -- turns, so numbers are committed in order): what the analysers read to keep their derived
        -- tables up to date.
        CREATE TABLE article_changes (
            seq            {t.Sequence},
            article_id     {t.Id} NOT NULL,
            version        {t.Integer} NOT NULL,
            kind           {t.Text} NOT NULL,
            became_current {t.Flag} NOT NULL,
            recorded_at    {t.Moment} NOT NULL
        );
        -- How far each analyser has read the log, at which revision, and while it rebuilds, the
        -- last article it has done.
        CREATE TABLE analyser_state (
            name          {t.Text} PRIMARY KEY,
            revision      {t.Integer} NOT NULL,
            watermark     {t.Id} NOT NULL,
            rebuild_after {t.Id}
        );
        """;
}
