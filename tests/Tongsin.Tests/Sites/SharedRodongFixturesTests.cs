using Tongsin.Ingest;
using Tongsin.Ingest.Pages;
using Tongsin.Ingest.Sites;
using Tongsin.Model;

namespace Tongsin.Tests.Sites;

/// <summary>
/// The real rodong.rep.kp pages in ../shared, when that folder is beside the repository (as in CI):
/// every article page imports with its title, date, body, outlet and language; the list pages are refused as lists.
/// </summary>
public class SharedRodongFixturesTests
{
    private static string? Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Tongsin.slnx"))) continue;
            var shared = Path.Combine(dir.FullName, "..", "shared", "fixtures", "rodong.rep.kp-2022");
            return Directory.Exists(shared) ? shared : null;
        }
        return null;
    }

    [Fact]
    public void The_real_pages_read_as_articles_of_rodong_sinmun_in_english()
    {
        if (Folder() is not { } folder) return;
        var reader = new SavedPageReader(new SiteCatalog(new OutletCatalog()));
        var articles = 0;
        foreach (var file in Directory.GetFiles(folder, "*.html").Order(StringComparer.Ordinal))
        {
            var text = PageText.Decode(File.ReadAllBytes(file));
            var name = Path.GetFileName(file);
            if (name.Contains("SF01_01_02", StringComparison.Ordinal) || name.StartsWith("news_list", StringComparison.Ordinal))
            {
                Assert.Equal(ImportFailureKind.Listing, Assert.Throws<ImportFailureException>(() => reader.Read(text)).Kind);
                continue;
            }
            var a = reader.Read(text).Article;
            articles++;
            Assert.Equal("rodong-sinmun", a.Source.Outlet.Slug);
            Assert.Equal("en", a.Source.Language);
            Assert.False(string.IsNullOrWhiteSpace(a.Title));
            Assert.True(a.Published.Year == 2022, $"{name}: {a.Published}");
            Assert.NotEmpty(a.Paragraphs);
            Assert.DoesNotContain(a.Paragraphs, p => p.Length == 0 || p == "Rodong Sinmun" || p.Contains('<'));
            Assert.NotEqual(a.Title, a.Paragraphs[0]);
            var newsId = System.Text.RegularExpressions.Regex.Match(name, @"newsID-(\d{4}-\d{2}-\d{2})");
            if (newsId.Success) Assert.Equal(newsId.Groups[1].Value, Dates(a.Published));
        }
        Assert.Equal(8, articles);
    }

    private static string Dates(DateOnly d) => Tongsin.Text.Dates.ToIso(d);
}
