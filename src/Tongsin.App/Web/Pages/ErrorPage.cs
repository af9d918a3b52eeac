namespace Tongsin.App.Web.Pages;

/// <summary>What a person sees when something is not there or cannot be done: what happened, in words, and a way on.</summary>
internal static class ErrorPage
{
    public static Html Render(int status, string message) => Layout.Render(new PageFrame(Heading(status)), Html.Of($"""
        <section class="error">
        <h1>{Heading(status)}</h1>
        <p>{message}</p>
        <p><a href="/">Latest articles</a> · <a href="/search">Search</a> · <a href="/sources">Sources</a></p>
        </section>
        """));

    public static string Heading(int status) => status switch
    {
        400 => "That request cannot be answered",
        404 => "Not found",
        405 => "Not allowed",
        429 => "Too many requests",
        _ => "Something went wrong",
    };
}
