using System.Data.Common;
using Dapper;

namespace Tongsin.Analysis.Appearances;

/// <summary>
/// The calendar's tables, the same SQL on both backends: appearances (one a reported activity),
/// appearance_articles (every article reporting it; first marks the report itself),
/// appearance_companions (who was with him, in the order of the report the companions were taken
/// from). appearance_grouping_state says which analyser revision and change of the log they were
/// made from. Days are ISO text, so that both backends compare and group them alike.
/// </summary>
internal static class AppearanceTables
{
    public static void Ensure(DbConnection c, DbTransaction? tx = null)
    {
        c.Execute("CREATE TABLE IF NOT EXISTS appearances (id bigint NOT NULL PRIMARY KEY, person text NOT NULL, event_date text NOT NULL, date_basis text NOT NULL, activity text NOT NULL, kind text NOT NULL, place text NOT NULL)", transaction: tx);
        c.Execute("CREATE INDEX IF NOT EXISTS appearances_person_date ON appearances (person, event_date)", transaction: tx);
        c.Execute("CREATE TABLE IF NOT EXISTS appearance_articles (appearance_id bigint NOT NULL, article_id bigint NOT NULL, first integer NOT NULL)", transaction: tx);
        c.Execute("CREATE INDEX IF NOT EXISTS appearance_articles_appearance ON appearance_articles (appearance_id)", transaction: tx);
        c.Execute("CREATE INDEX IF NOT EXISTS appearance_articles_article ON appearance_articles (article_id)", transaction: tx);
        c.Execute("CREATE TABLE IF NOT EXISTS appearance_companions (appearance_id bigint NOT NULL, position integer NOT NULL, name text NOT NULL, entity text)", transaction: tx);
        c.Execute("CREATE INDEX IF NOT EXISTS appearance_companions_appearance ON appearance_companions (appearance_id)", transaction: tx);
        c.Execute("CREATE INDEX IF NOT EXISTS appearance_companions_entity ON appearance_companions (entity)", transaction: tx);
        c.Execute("CREATE TABLE IF NOT EXISTS appearance_grouping_state (analyser_revision integer NOT NULL, grouping_revision integer NOT NULL, watermark bigint NOT NULL)", transaction: tx);
    }
}
