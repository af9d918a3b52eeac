namespace Tongsin.Tests.Support;

/// <summary>The project's own pages of each site, written to follow the sites' real markup.</summary>
public static class SiteFixtures
{
    public static string Path(string site, string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "sites", site, name);

    public static string Text(string site, string name) => File.ReadAllText(Path(site, name));
}
