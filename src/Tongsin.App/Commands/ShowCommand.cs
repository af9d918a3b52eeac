using System.CommandLine;
using Tongsin.Analysis.Mentions;
using Tongsin.Analysis.Reprints;
using Tongsin.Model;
using Tongsin.Text;

namespace Tongsin.App.Commands;

internal static class ShowCommand
{
    public static Command Create(CommandContext context)
    {
        var id = new Argument<long>("id") { Description = "The article's id, as search and export print it" };
        var json = new Option<bool>("--json") { Description = "Print the article and all its versions as JSON" };
        var command = new Command("show", "Show one article");
        command.Arguments.Add(id);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            using var archive = context.OpenArchive(parse);
            var articleId = parse.GetValue(id);
            var article = archive.FindArticle(articleId);
            // An article merged into another (the same text under another address) is that one now.
            if (article is null && archive.MergedInto(articleId) is { } into)
            {
                context.Console.Error.WriteLine($"article {articleId} was merged into article {into}, the same text under another address");
                (articleId, article) = (into, archive.FindArticle(into));
            }
            if (article is null)
            {
                context.Console.Error.WriteLine($"error: no article with id {articleId}");
                return 1;
            }
            var versions = archive.Versions(articleId);
            var o = context.Console.Out;
            if (parse.GetValue(json))
            {
                var history = new ArticleHistory(article, versions) { Addresses = archive.Addresses(articleId), Reprints = new ReprintClusters(archive).LinksOf(articleId),
                    Mentions = ArticleMentions.Of(archive, [articleId])[articleId] };
                o.WriteLine(Json.Write(w => Exchange.JsonlRecord.Write(w, history, withHistory: true)));
                return 0;
            }
            o.WriteLine(article.Title);
            o.WriteLine();
            var original = article.Url is null ? "" : $" | Original: {article.Url}";
            o.WriteLine($"Date: {article.Published:dd/MM/yyyy} | Source: {article.Source.Label}{original}");
            var state = article.Status == ArticleStatus.Stub ? "stub: only the title and teaser are known so far" : $"{article.VersionCount} version{(article.VersionCount == 1 ? "" : "s")}";
            o.WriteLine($"id {article.Id} · first captured {Dates.ToIso(article.Captured) ?? "unknown"} · {state}"
                + (article.RemovedOn is { } r ? $" · found removed on {Dates.ToIso(r)}" : ""));
            o.WriteLine();
            if (article.Status == ArticleStatus.Stub && article.Teaser is not null) o.WriteLine(article.Teaser + " …");
            foreach (var p in article.Paragraphs)
            {
                o.WriteLine(p);
                o.WriteLine();
            }
            var addresses = archive.Addresses(articleId);
            if (addresses.Count > 1)
            {
                o.WriteLine("Addresses:");
                foreach (var d in addresses)
                    o.WriteLine($"  {d.Url} (first seen {Dates.ToIso(d.FirstSeen)}, last seen {Dates.ToIso(d.LastSeen)}{(d.GoneOn is { } g ? $", gone {Dates.ToIso(g)}" : "")})");
            }
            if (versions.Count > 1)
            {
                o.WriteLine("Versions:");
                foreach (var v in versions)
                    o.WriteLine($"  {v.Number}. captured {Dates.ToIso(v.Captured) ?? "unknown"}, recorded {v.RecordedAt:yyyy-MM-dd}: {v.Title}");
            }
            return 0;
        });
        return command;
    }
}
