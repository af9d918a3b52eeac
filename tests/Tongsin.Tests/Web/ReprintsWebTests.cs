using System.Text.Json;
using Tongsin.Analysis;
using Tongsin.Analysis.Reprints;
using Tongsin.App.Web;
using Tongsin.Tests.Analysis.Reprints;
using Tongsin.Tests.Support;

namespace Tongsin.Tests.Web;

/// <summary>
/// A report and its reprint in another outlet: each article's page says who else published the
/// text, the copy shows the words it changed from the original, and the API, `show --json` and the
/// export carry `original` and `reprints`.
/// </summary>
public sealed class ReprintsWebTests : IAsyncLifetime
{
    private readonly ArchiveFixture _f = new();
    private Microsoft.AspNetCore.Builder.WebApplication? _app;
    private HttpClient _client = null!;
    private long _original, _copy, _alone;

    public async Task InitializeAsync()
    {
        _f.Store(_f.Page(new PageBuilder(Title: ReprintTexts.Title, Published: "05/05/2025", Body: ReprintTexts.Report, Cards: []).ToString()));
        _f.Store(_f.Page(new PageBuilder(Title: ReprintTexts.ReprintTitle, Source: "Rodong Sinmun (EN)", Published: "06/05/2025", Body: ReprintTexts.Reprint, Cards: []).ToString()));
        _f.Store(_f.Page(new PageBuilder(Title: "Premier Inspects Fertilizer Complex", Published: "05/05/2025", Body: ReprintTexts.OtherInspection, Cards: []).ToString()));
        new AnalyserRunner(_f.Archive, [new ReprintSignatures()]).Run();
        new ReprintClustering().Update(_f.Archive);
        var ids = _f.All().ToDictionary(h => h.Article.Title, h => h.Article.Id);
        (_original, _copy, _alone) = (ids[ReprintTexts.Title], ids[ReprintTexts.ReprintTitle], ids["Premier Inspects Fertilizer Complex"]);
        Uri address;
        (_app, address) = await WebServerFixture.Start(_f.Archive, new WebOptions { Urls = ["http://127.0.0.1:0"], RequestsPerWindow = 0 });
        _client = new HttpClient { BaseAddress = address };
    }

    [Fact]
    public async Task The_original_lists_its_reprint_and_the_reprint_shows_its_changes()
    {
        var original = await _client.GetStringAsync($"/articles/{_original}");
        Assert.Contains("Also published by", original);
        Assert.Contains($"<a href=\"/articles/{_copy}\">Rodong Sinmun (EN)</a>", original);
        Assert.DoesNotContain("Changes from the original", original);

        var copy = await _client.GetStringAsync($"/articles/{_copy}");
        Assert.Contains($"<a href=\"/articles/{_original}\">Korean Central News Agency (EN)</a>", copy);
        Assert.Contains("(the original)", copy);
        Assert.Contains("Changes from the original", copy);
        Assert.Contains("<ins>toured</ins>", copy);

        Assert.DoesNotContain("Also published by", await _client.GetStringAsync($"/articles/{_alone}"));
    }

    [Fact]
    public async Task The_api_carries_the_original_and_the_other_copies()
    {
        using var copy = JsonDocument.Parse(await _client.GetStringAsync($"/api/articles/{_copy}"));
        Assert.Equal(_original, copy.RootElement.GetProperty("original").GetInt64());
        var other = Assert.Single(copy.RootElement.GetProperty("reprints").EnumerateArray());
        Assert.Equal((_original, "korean-central-news-agency-en", "2025-05-05"), (other.GetProperty("id").GetInt64(), other.GetProperty("source").GetString(), other.GetProperty("published").GetString()));
        Assert.Equal(1.0, other.GetProperty("similarity").GetDouble());

        using var alone = JsonDocument.Parse(await _client.GetStringAsync($"/api/articles/{_alone}"));
        Assert.Equal(JsonValueKind.Null, alone.RootElement.GetProperty("original").ValueKind);
        Assert.Equal(0, alone.RootElement.GetProperty("reprints").GetArrayLength());
    }

    [Fact]
    public async Task Search_folds_the_copies_of_a_text_into_its_best_match_and_can_show_them_all()
    {
        var folded = await _client.GetStringAsync("/search?q=tideland+reclamation");
        Assert.Contains("2 results", folded);
        Assert.Equal(1, Count(folded, "<a class=\"title\""));
        Assert.Contains("also in 1 other article from 2 sources</a>", folded);
        Assert.Contains("copies=all\">Show every copy</a>", folded);

        var all = await _client.GetStringAsync("/search?q=tideland+reclamation&copies=all");
        Assert.Equal(2, Count(all, "<a class=\"title\""));
        Assert.DoesNotContain("also in", all);
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;

    [Fact]
    public void The_export_and_show_carry_them_too()
    {
        var export = CliRunner.Run("export", "--db", _f.Location);
        var records = export.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(r => r.GetProperty("id").GetInt64());
        Assert.Equal(_original, records[_original].GetProperty("original").GetInt64());
        Assert.Equal(_copy, Assert.Single(records[_original].GetProperty("reprints").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(JsonValueKind.Null, records[_alone].GetProperty("original").ValueKind);
        var show = CliRunner.Run("show", "--db", _f.Location, "--json", _copy.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(_original, JsonDocument.Parse(show.Out).RootElement.GetProperty("original").GetInt64());
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _f.Dispose();
    }
}
