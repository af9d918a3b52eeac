using System.Text.Json;
using Tongsin.Model;

namespace Tongsin.Ingest.Pages;

/// <summary>
/// The gathered corpora that come one JSON record a line, each told by its shape: the kcna.co.jp
/// archive, kcna.kp and rodong.rep.kp.
/// </summary>
public sealed class CorpusRecords(OutletCatalog outlets)
{
    private readonly KcnaCoJpRecord _kcnaCoJp = new(outlets);
    private readonly KcnaKpRecord _kcnaKp = new(outlets);
    private readonly RodongSinmunRecord _rodong = new(outlets);

    /// <summary>
    /// The article a corpus record holds; null when the record is of none of these corpora (an export
    /// line, say). An article without paragraphs is known by its title only, and is kept as a stub.
    /// </summary>
    public ArticleCapture? Read(JsonElement o) =>
        KcnaCoJpRecord.Fits(o) ? _kcnaCoJp.Read(o)
        : KcnaKpRecord.Fits(o) ? _kcnaKp.Read(o)
        : RodongSinmunRecord.Fits(o) ? _rodong.Read(o)
        : null;
}
