using System.IO.Compression;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Sites;

/// <summary>tongsin import with saved HTML pages of the outlets' sites.</summary>
public class SavedPageImportTests
{
    [Fact]
    public void A_folder_of_saved_rodong_pages_imports_its_articles_and_names_its_list()
    {
        using var t = new TempFolder();
        var db = t.File("a.db");
        var folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "sites", "rodong.rep.kp");

        var r = CliRunner.Run("import", "--db", db, folder);

        Assert.Equal(1, r.Exit);
        Assert.Contains("4 files: 2 new, 0 updated, 0 unchanged, 0 stubs, 2 failed", r.Out);
        Assert.Contains("list-2022.html: a listing page, not an article: a Rodong Sinmun list of 3 articles", r.Error);
        Assert.Contains("gone-2022.html: invalid: the rodong.rep.kp page says the article is not there", r.Error);

        var found = CliRunner.Run("search", "--db", db, "orchard");
        Assert.Contains("Orchard Workers' Spring Pruning Brisk", found.Out);
        Assert.Contains("Rodong Sinmun (EN) · 2022-03-10", found.Out);
    }

    [Fact]
    public void Saved_pages_of_every_site_import_and_a_page_of_no_known_site_is_named()
    {
        using var t = new TempFolder();
        t.Write("kcna.html", SiteFixtures.Text("kcna.kp", "article-detail.html"));
        t.Write("kcna-euc-kr.html", File.ReadAllBytes(SiteFixtures.Path("kcna.kp", "saved-euc-kr.html")));
        t.Write("mfa.html", SiteFixtures.Text("mfa.gov.kp", "article.html"));
        t.Write("watch.html", SiteFixtures.Text("kcnawatch.org", "article.html"));
        t.Write("other.html", "<html><head><title>A shop</title></head><body><p>Rice and kimchi.</p></body></html>");
        using (var gz = new GZipStream(File.Create(t.File("rodong.html.gz")), CompressionLevel.Fastest))
            gz.Write(File.ReadAllBytes(SiteFixtures.Path("rodong.rep.kp", "article-current.html")));
        var db = t.File("a.db");

        var r = CliRunner.Run("import", "--db", db, t.Path);

        Assert.Contains("6 files: 5 new, 0 updated, 0 unchanged, 0 stubs, 1 failed", r.Out);
        Assert.Contains("other.html: not a page of a known site: ", r.Error);
        var sources = CliRunner.Run("sources", "--db", db).Out;
        Assert.Contains("Korean Central News Agency (KO)", sources);
        Assert.Contains("Korean Central News Agency (EN)", sources);
        Assert.Contains("Ministry of Foreign Affairs (EN)", sources);
        Assert.Contains("Rodong Sinmun (EN)", sources);
    }
}
