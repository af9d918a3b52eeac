using System.Globalization;
using Tongsin.Analysis.Trends;
using Tongsin.Search;

namespace Tongsin.App.Web.Pages;

/// <summary>What a trend chart shows on its vertical axis.</summary>
internal enum TrendMeasure { Share, Count, PerThousand }

/// <summary>
/// A trend as an SVG line chart made on the server: readable with scripts off, the same file the
/// page shows and the download gives. Each point is a link to the search behind it (its query,
/// narrowed to the bucket's days) and carries its values in a title, which browsers show on hover.
/// Written by hand rather than with a chart library: a few lines and two axes need none, and the
/// same markup then serves the page, the download and the browser without a script.
/// </summary>
internal static class TrendChart
{
    public const int Width = 860, Height = 340;
    private const int Left = 64, Right = 16, Top = 16, Bottom = 48;

    // Colours apart for readers with the common colour blindnesses (Okabe and Ito's palette).
    private static readonly string[] Colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442", "#882255", "#44AA99"];

    // Points drawn as marks (with their values and links) when a series has no more than this.
    private const int MostMarks = 400;

    public static string Colour(int i) => Colours[i % Colours.Length];

    public static string Name(TrendSeries s) => s.Source is null ? s.Query : $"{s.Query} ({s.Source})";

    /// <summary>
    /// The chart. With <paramref name="zoom"/> (the buckets' interval), it says where its buckets lie
    /// (data-zoom, data-first, data-buckets, data-left, data-right), so that site.js can turn a
    /// drag across it into the dates to narrow to; without a script it is the same picture.
    /// </summary>
    public static Html Svg(IReadOnlyList<TrendSeries> series, TrendMeasure measure, Func<TrendSeries, TrendPoint, string> link, TallyInterval? zoom = null)
    {
        var points = series.Count == 0 ? 0 : series.Max(s => s.Points.Count);
        double Value(TrendPoint p) => measure switch { TrendMeasure.Share => p.Share, TrendMeasure.PerThousand => p.Share * 1000, _ => p.Count };
        var most = series.SelectMany(s => s.Points).Select(Value).DefaultIfEmpty(0).Max();
        // Counts of a few articles keep whole numbers on the axis: at least 0 to 4.
        var top = measure == TrendMeasure.Count ? Math.Max(4, NiceCeiling(most)) : NiceCeiling(most);
        var (plotW, plotH) = (Width - Left - Right, Height - Top - Bottom);
        double X(int i) => Left + (points <= 1 ? plotW / 2.0 : i * (double)plotW / (points - 1));
        double Y(double v) => Top + plotH - (top == 0 ? 0 : v / top * plotH);
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        string Tick(double v) => measure switch { TrendMeasure.Share => (v * 100).ToString(v * 100 < 1 ? "0.##" : "0.#", CultureInfo.InvariantCulture) + "%", TrendMeasure.PerThousand => v.ToString("0.##", CultureInfo.InvariantCulture), _ => v.ToString("N0", CultureInfo.InvariantCulture) };

        var yTicks = Enumerable.Range(0, 5).Select(k => top * k / 4).ToList();
        var labels = series.FirstOrDefault()?.Points ?? [];
        var every = Math.Max(1, (int)Math.Ceiling(labels.Count / 8.0));
        var unit = measure switch { TrendMeasure.Share => "share of all articles published", TrendMeasure.PerThousand => "hostile sentences per 1,000 sentences published", _ => "matching articles" };
        var zoomable = zoom is { } interval && labels.Count > 1
            ? Html.Of($" data-zoom=\"{interval.ToString().ToLowerInvariant()}\" data-first=\"{labels[0].Bucket.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\" data-buckets=\"{labels.Count.ToString(CultureInfo.InvariantCulture)}\" data-left=\"{N(Left)}\" data-right=\"{N(Left + plotW)}\"")
            : Html.Empty;
        return Html.Of($"""
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="trend-chart"{zoomable} viewBox="0 0 {Width.ToString(CultureInfo.InvariantCulture)} {Height.ToString(CultureInfo.InvariantCulture)}" width="{Width.ToString(CultureInfo.InvariantCulture)}" height="{Height.ToString(CultureInfo.InvariantCulture)}" role="img" aria-label="{unit} per bucket, {series.Count.ToString(CultureInfo.InvariantCulture)} series">
            <rect x="0" y="0" width="{Width.ToString(CultureInfo.InvariantCulture)}" height="{Height.ToString(CultureInfo.InvariantCulture)}" fill="#ffffff"/>
            <g font-family="sans-serif" font-size="11" fill="#333333">
            {yTicks.Select(v => Html.Of($"""<line x1="{N(Left)}" x2="{N(Left + plotW)}" y1="{N(Y(v))}" y2="{N(Y(v))}" stroke="#e5e5e5"/><text x="{N(Left - 6)}" y="{N(Y(v) + 4)}" text-anchor="end">{Tick(v)}</text>"""))}
            {labels.Select((p, i) => Html.When(i % every == 0, Html.Of($"""<text x="{N(X(i))}" y="{N(Top + plotH + 16)}" text-anchor="{(labels.Count > 1 && i == labels.Count - 1 ? "end" : i == 0 && labels.Count > 1 ? "start" : "middle")}">{p.Label}</text>""")))}
            <line x1="{N(Left)}" x2="{N(Left + plotW)}" y1="{N(Top + plotH)}" y2="{N(Top + plotH)}" stroke="#666666"/>
            <text x="{N(Left + plotW / 2.0)}" y="{N(Height - 6)}" text-anchor="middle">{unit}</text>
            </g>
            {series.Select((s, k) => Html.Of($"""
                <g class="series" data-name="{Name(s)}">
                <polyline fill="none" stroke="{Colour(k)}" stroke-width="2" points="{string.Join(" ", s.Points.Select((p, i) => $"{N(X(i))},{N(Y(Value(p)))}"))}"/>
                {Html.When(s.Points.Count <= MostMarks, Html.Of($"{s.Points.Select((p, i) => Html.Of($"""<a href="{link(s, p)}" xlink:href="{link(s, p)}"><circle cx="{N(X(i))}" cy="{N(Y(Value(p)))}" r="3" fill="{Colour(k)}"><title>{Name(s)}, {p.Label}: {p.Count.ToString("N0", CultureInfo.InvariantCulture)} of {p.Total.ToString("N0", CultureInfo.InvariantCulture)} ({Ratio(p, measure)})</title></circle></a>"""))}"))}
                </g>
                """))}
            </svg>
            """);
    }

    /// <summary>
    /// The chart as a PNG of <see cref="Width"/> by <see cref="Height"/> pixels, drawn from the same
    /// SVG (Svg.Skia reads it into a SkiaSharp picture): one chart, so the image and the page cannot
    /// drift apart, and no browser or script is needed to make it. SkiaSharp's self-contained native
    /// library knows no fonts of the system, so the words are drawn in the first of
    /// <see cref="FontFiles"/> the machine has; with none, the image has the lines without the words.
    /// </summary>
    public static byte[] Png(Html svg)
    {
        using var reader = new Svg.Skia.SKSvg();
        if (FontFiles.FirstOrDefault(File.Exists) is { } file)
        {
            // The chart asks for sans-serif, which the font answers to only when told.
            var font = new Svg.Skia.TypefaceProviders.CustomTypefaceProvider(file, 0);
            font.FamilyAliases?.Add("sans-serif");
            (reader.Settings.TypefaceProviders ??= []).Insert(0, font);
        }
        using var picture = reader.FromSvg(svg.ToString()) ?? throw new InvalidOperationException("the chart's SVG could not be read");
        using var bitmap = new SkiaSharp.SKBitmap(Width, Height);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        {
            canvas.Clear(SkiaSharp.SKColors.White);
            canvas.DrawPicture(picture);
        }
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>Sans-serif fonts where Debian, Ubuntu and Fedora put them (fonts-dejavu-core, fonts-liberation, google-noto).</summary>
    public static readonly IReadOnlyList<string> FontFiles =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
        "/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/google-noto/NotoSans-Regular.ttf",
    ];

    private static string Ratio(TrendPoint p, TrendMeasure measure) => measure == TrendMeasure.PerThousand
        ? (p.Share * 1000).ToString("0.#", CultureInfo.InvariantCulture) + " per 1,000"
        : (p.Share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    // 1, 2 or 5 times a power of ten, at or above the highest value.
    private static double NiceCeiling(double v)
    {
        if (v <= 0) return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(v)));
        foreach (var step in new[] { 1.0, 2.0, 5.0, 10.0 })
            if (step * power >= v) return step * power;
        return 10 * power;
    }
}
