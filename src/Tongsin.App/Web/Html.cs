using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Tongsin.App.Web;

/// <summary>
/// Markup that is safe to send. The only way to make one from text is <see cref="Of"/>, whose
/// interpolation escapes every string hole, so outlet text cannot become markup by oversight;
/// <see cref="Trusted"/> is for the output of an escaping function such as Snippets.Html.
/// </summary>
public readonly struct Html
{
    // Korean and other scripts stay as they are; only what HTML gives meaning to is escaped.
    internal static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly string? _markup;

    private Html(string markup) => _markup = markup;

    public static Html Empty => default;

    public static Html Of(HtmlInterpolation markup) => markup.Finish();

    /// <summary>Markup produced by code that escapes its input itself.</summary>
    public static Html Trusted(string markup) => new(markup);

    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(p => p.ToString())));

    public static Html When(bool condition, Html markup) => condition ? markup : default;

    public override string ToString() => _markup ?? "";
}

/// <summary>Escapes string holes; passes Html holes as they are. No other types, so nothing is shown unformatted.</summary>
[InterpolatedStringHandler]
public ref struct HtmlInterpolation
{
    private DefaultInterpolatedStringHandler _inner;

    public HtmlInterpolation(int literalLength, int formattedCount) =>
        _inner = new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture);

    public void AppendLiteral(string literal) => _inner.AppendLiteral(literal);

    public void AppendFormatted(string? text) => _inner.AppendLiteral(Html.Encoder.Encode(text ?? ""));

    public void AppendFormatted(Html markup) => _inner.AppendLiteral(markup.ToString());

    public void AppendFormatted(IEnumerable<Html> parts)
    {
        foreach (var part in parts) _inner.AppendLiteral(part.ToString());
    }

    public void AppendFormatted(long number) => _inner.AppendFormatted(number);

    internal Html Finish() => Html.Trusted(_inner.ToStringAndClear());
}
