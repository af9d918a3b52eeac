namespace Tongsin.App.Web.Pages;

/// <summary>What a page needs besides its body: its title, the search text to keep in the header box, and its feeds.</summary>
internal sealed record PageFrame(string Title, string? Query = null, string? AtomFeed = null, string? RssFeed = null, bool QuickSearch = true);

/// <summary>The frame around every page: header with search, main, footer.</summary>
internal static class Layout
{
    public static Html Render(PageFrame frame, Html main) => Html.Of($"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{frame.Title} · Tongsin</title>
        <link rel="stylesheet" href="{StaticAssets.Css.Path}">
        <link rel="icon" href="{StaticAssets.Icon.Path}" type="image/svg+xml">
        {(frame.AtomFeed is null ? Html.Empty : Html.Of($"""<link rel="alternate" type="application/atom+xml" title="Atom" href="{frame.AtomFeed}">"""))}
        {(frame.RssFeed is null ? Html.Empty : Html.Of($"""<link rel="alternate" type="application/rss+xml" title="RSS" href="{frame.RssFeed}">"""))}
        <script src="{StaticAssets.Script.Path}" defer></script>
        </head>
        <body>
        <header class="site">
        <div class="bar">
        <a class="brand" href="/">Tongsin</a>
        <nav aria-label="Site"><a href="/sources">Sources</a> <a href="/search">Search</a> <a href="/entities">Entities</a> <a href="/appearances">Calendar</a> <a href="/trends">Trends</a> <a href="/statements">Statements</a></nav>
        </div>
        {(frame.QuickSearch ? QuickSearch(frame.Query) : Html.Empty)}
        </header>
        <main id="main">
        {main}
        </main>
        <footer class="site">
        <p>Tongsin keeps what North Korean state media publish, every version of it. Text from the outlets is shown as published.</p>
        <p><a href="/api/openapi.json">JSON API</a> · <a href="/sources">All sources</a></p>
        </footer>
        </body>
        </html>
        """);

    private static Html QuickSearch(string? query) => Html.Of($"""
        <form class="quick" action="/search" method="get" role="search">
        <input type="search" name="q" value="{query}" placeholder="Search the archive" aria-label="Search the archive">
        <button type="submit">Search</button>
        </form>
        """);
}
