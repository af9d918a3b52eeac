namespace Tongsin.Tests.Support;

/// <summary>The project's own fixture pages, copied beside the test assembly.</summary>
public static class Fixtures
{
    public static string Page(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "kcnawatch", name);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "kcnawatch");

    public static string Text(string name) => File.ReadAllText(Page(name));
}
