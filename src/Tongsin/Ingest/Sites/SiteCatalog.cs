using Tongsin.Model;

namespace Tongsin.Ingest.Sites;

/// <summary>Every site Tongsin reads, and how to find the one a saved page belongs to.</summary>
public sealed class SiteCatalog
{
    private readonly ISiteAdapter[] _adapters;

    public SiteCatalog(OutletCatalog outlets)
    {
        // The order is the order of the structural checks for saved pages without an address:
        // KCNA Watch first, because its pages link to the other sites' articles.
        _adapters =
        [
            new KcnaWatchAdapter(outlets),
            new RodongRepKpAdapter(outlets),
            new KcnaKpAdapter(outlets),
            new VokRepKpAdapter(outlets),
            new FeedAdapter(outlets, FeedAdapter.MfaGovKp),
        ];
    }

    public IReadOnlyList<ISiteAdapter> All => _adapters;

    /// <summary>The adapter for a saved page: by the address the page gives itself, else by its markup.</summary>
    public ISiteAdapter? Recognise(string html)
    {
        var document = Markup.Parse(html);
        if (Markup.Address(document, html) is { } address && _adapters.FirstOrDefault(a => Markup.IsOn(address, a.Site)) is { } byAddress)
            return byAddress;
        return _adapters.FirstOrDefault(a => a.Recognises(html));
    }
}
