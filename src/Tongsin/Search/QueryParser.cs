using System.Globalization;
using Tongsin.Model;

namespace Tongsin.Search;

/// <summary>
/// The query language: words (all must match), "exact phrases", OR, NOT and -word, prefix*,
/// parentheses, title:word, and filters source:, outlet:, lang:, date:, before:, after:, and url:
/// (the article found at an address, with other filters but without words).
/// A mistake is a <see cref="QueryException"/> naming the position (counted from 1) and what is wrong.
/// </summary>
public sealed class QueryParser
{
    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _at;
    private QueryFilters _filters = new();

    private QueryParser(string text)
    {
        _text = text;
        _tokens = Lex(text);
    }

    public static ParsedQuery Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new QueryException("the query is empty");
        if (text.Length > 1000) throw new QueryException("the query is longer than 1000 characters");
        // Control characters (a NUL above all) are never text an outlet wrote, and no index keeps them.
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsControl(ch) && ch is not ('\t' or '\n' or '\r'))
                throw new QueryException($"the query holds a control character (U+{(int)ch:X4}) at position {i + 1}", i);
            if (char.IsSurrogate(ch) && !(char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[++i])))
                throw new QueryException($"the query holds a broken character at position {i + 1}", i);
        }
        var parser = new QueryParser(text);
        var node = parser.ParseOr(depth: 0, topLevel: true);
        if (parser._at < parser._tokens.Count)
        {
            var t = parser._tokens[parser._at];
            throw new QueryException(t.Kind == Kind.Close ? $"a ')' at position {t.Position + 1} has no '(' before it" : $"unexpected '{t.Text}' at position {t.Position + 1}", t.Position);
        }
        if (node is null && parser._filters.IsEmpty) throw new QueryException("the query has no words to search for");
        if (node is not null) CheckPositive(node);
        if (node is not null && parser._filters.Addresses.Count > 0)
            throw new QueryException("url: finds the article at an address: search for words without it, or narrow it with filters such as source: and date:");
        return new ParsedQuery(node, parser._filters);
    }

    // NOT narrows what something else found; a query of nothing but NOTs would list the whole archive.
    private static void CheckPositive(QueryNode node)
    {
        switch (node)
        {
            case NotNode:
                throw new QueryException("a query cannot only exclude: add a word that must match (NOT and - narrow what the other words find)");
            case AndNode all when all.Parts.All(p => p is NotNode):
                throw new QueryException("a query cannot only exclude: add a word that must match (NOT and - narrow what the other words find)");
            case AndNode all:
                foreach (var p in all.Parts.Where(p => p is not NotNode)) CheckPositive(p);
                foreach (var p in all.Parts.OfType<NotNode>()) CheckInner(p.Part);
                break;
            case OrNode or:
                foreach (var p in or.Parts)
                {
                    if (p is NotNode) throw new QueryException("NOT cannot stand alone inside OR: write (a NOT b) OR c");
                    CheckPositive(p);
                }
                break;
        }
    }

    private static void CheckInner(QueryNode node)
    {
        if (node is NotNode) throw new QueryException("NOT NOT is not allowed; remove both");
        if (node is AndNode or OrNode) CheckPositive(node);
    }

    private QueryNode? ParseOr(int depth, bool topLevel)
    {
        var parts = new List<QueryNode>();
        var first = ParseAnd(depth, topLevel);
        while (Peek(Kind.Or))
        {
            var or = _tokens[_at++];
            if (first is null && parts.Count == 0) throw new QueryException($"OR at position {or.Position + 1} has nothing before it", or.Position);
            if (first is not null) parts.Add(first);
            first = ParseAnd(depth, topLevel: false);
            if (first is null) throw new QueryException($"OR at position {or.Position + 1} has nothing after it", or.Position);
        }
        if (parts.Count == 0) return first;
        parts.Add(first!);
        return new OrNode(parts);
    }

    private QueryNode? ParseAnd(int depth, bool topLevel)
    {
        var parts = new List<QueryNode>();
        while (_at < _tokens.Count && !Peek(Kind.Or) && !Peek(Kind.Close))
        {
            var negate = false;
            Token? not = null;
            if (Peek(Kind.Not) || Peek(Kind.Minus))
            {
                not = _tokens[_at++];
                negate = true;
                if (_at >= _tokens.Count || Peek(Kind.Or) || Peek(Kind.Close))
                    throw new QueryException($"{(not.Value.Kind == Kind.Not ? "NOT" : "'-'")} at position {not.Value.Position + 1} has nothing after it", not.Value.Position);
            }
            if (Peek(Kind.Field) && IsFilter(_tokens[_at].Text))
            {
                var field = _tokens[_at];
                if (!topLevel || depth > 0)
                    throw new QueryException($"the filter '{field.Text}:' at position {field.Position + 1} must stand at the top of the query, not inside parentheses or OR", field.Position);
                _at++;
                ApplyFilter(field, NextValue(field), negate);
                continue;
            }
            var node = ParseUnit(depth);
            parts.Add(negate ? new NotNode(node) : node);
        }
        return parts.Count switch { 0 => null, 1 => parts[0], _ => new AndNode(parts) };
    }

    private QueryNode ParseUnit(int depth)
    {
        var t = _tokens[_at++];
        switch (t.Kind)
        {
            case Kind.Open:
                if (depth >= 16) throw new QueryException($"parentheses nest too deep at position {t.Position + 1}", t.Position);
                var inner = ParseOr(depth + 1, topLevel: false);
                if (!Peek(Kind.Close)) throw new QueryException($"the '(' at position {t.Position + 1} is never closed", t.Position);
                _at++;
                return inner ?? throw new QueryException($"the parentheses at position {t.Position + 1} are empty", t.Position);
            case Kind.Phrase:
                return Phrase(t, null);
            case Kind.Word:
                return Word(t, null);
            case Kind.Field:
                if (!t.Text.Equals("title", StringComparison.OrdinalIgnoreCase))
                    throw new QueryException($"unknown field '{t.Text}:' at position {t.Position + 1}; fields are title:, source:, outlet:, lang:, date:, before:, after:, url:", t.Position);
                if (_at >= _tokens.Count || !(Peek(Kind.Word) || Peek(Kind.Phrase)))
                    throw new QueryException($"'title:' at position {t.Position + 1} needs a word or a \"phrase\" after it", t.Position);
                var v = _tokens[_at++];
                return v.Kind == Kind.Phrase ? Phrase(v, "title") : Word(v, "title");
            default:
                throw new QueryException($"unexpected '{t.Text}' at position {t.Position + 1}", t.Position);
        }
    }

    private static QueryNode Word(Token t, string? field)
    {
        var prefix = t.Text.EndsWith('*');
        var text = t.Text.TrimEnd('*');
        if (text.Contains('*')) throw new QueryException($"'*' can only end a word (at position {t.Position + 1})", t.Position);
        if (!text.Any(char.IsLetterOrDigit))
            throw new QueryException(prefix ? $"'*' at position {t.Position + 1} needs letters before it" : $"'{t.Text}' at position {t.Position + 1} has no letters or digits", t.Position);
        return new WordNode(text, prefix, field);
    }

    private static QueryNode Phrase(Token t, string? field)
    {
        if (!t.Text.Any(char.IsLetterOrDigit)) throw new QueryException($"the phrase at position {t.Position + 1} has no words", t.Position);
        return new PhraseNode(t.Text.Trim(), field);
    }

    private static bool IsFilter(string field) =>
        field.ToLowerInvariant() is "source" or "outlet" or "lang" or "language" or "date" or "before" or "after" or "url";

    private string NextValue(Token field)
    {
        if (_at >= _tokens.Count || !(Peek(Kind.Word) || Peek(Kind.Phrase)))
            throw new QueryException($"'{field.Text}:' at position {field.Position + 1} needs a value after it", field.Position);
        return _tokens[_at++].Text.Trim();
    }

    private void ApplyFilter(Token field, string value, bool negate)
    {
        var name = field.Text.ToLowerInvariant();
        var where = $"at position {field.Position + 1}";
        switch (name)
        {
            case "source":
                _filters = negate ? _filters with { ExcludedSources = [.. _filters.ExcludedSources, value] } : _filters with { Sources = [.. _filters.Sources, value] };
                return;
            case "outlet":
                _filters = negate ? _filters with { ExcludedOutlets = [.. _filters.ExcludedOutlets, value] } : _filters with { Outlets = [.. _filters.Outlets, value] };
                return;
        }
        if (negate) throw new QueryException($"'{field.Text}:' {where} cannot be negated; only source: and outlet: can", field.Position);
        switch (name)
        {
            case "url":
                _filters = _filters with { Addresses = [.. _filters.Addresses, value] };
                return;
            case "lang" or "language":
                var lang = Model.Languages.Normalise(value)
                    ?? throw new QueryException($"'{value}' {where} is not a language code (en, ko, zh, ru, ja, es, fr, de, ar)", field.Position);
                _filters = _filters with { Languages = [.. _filters.Languages, lang] };
                return;
            case "date":
                var dots = value.IndexOf("..", StringComparison.Ordinal);
                if (dots >= 0)
                {
                    var from = dots == 0 ? null : (DateOnly?)DateBound(value[..dots], start: true, field);
                    var to = dots + 2 >= value.Length ? null : (DateOnly?)DateBound(value[(dots + 2)..], start: false, field);
                    Narrow(from, to, field);
                }
                else Narrow(DateBound(value, start: true, field), DateBound(value, start: false, field), field);
                return;
            case "after":
                Narrow(DateBound(value, start: false, field).AddDays(1), null, field);
                return;
            case "before":
                Narrow(null, DateBound(value, start: true, field).AddDays(-1), field);
                return;
        }
    }

    private void Narrow(DateOnly? from, DateOnly? to, Token field)
    {
        var f = from is null ? _filters.From : _filters.From is null || from > _filters.From ? from : _filters.From;
        var t = to is null ? _filters.To : _filters.To is null || to < _filters.To ? to : _filters.To;
        if (f is not null && t is not null && f > t)
            throw new QueryException($"the dates at position {field.Position + 1} leave no days to search ({f:yyyy-MM-dd} is after {t:yyyy-MM-dd})", field.Position);
        _filters = _filters with { From = f, To = t };
    }

    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD: the first or last day it covers.</summary>
    private static DateOnly DateBound(string text, bool start, Token field) =>
        Tongsin.Text.Dates.TryParseBound(text, start, out var day) ? day
        : throw new QueryException($"'{text}' at position {field.Position + 1} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD", field.Position);

    private bool Peek(Kind kind) => _at < _tokens.Count && _tokens[_at].Kind == kind;

    private enum Kind { Word, Phrase, Field, Open, Close, Or, Not, Minus }

    private readonly record struct Token(Kind Kind, string Text, int Position);

    private static bool IsQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E';

    private static List<Token> Lex(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '(') { tokens.Add(new Token(Kind.Open, "(", i++)); continue; }
            if (c == ')') { tokens.Add(new Token(Kind.Close, ")", i++)); continue; }
            if (IsQuote(c))
            {
                var close = i + 1;
                while (close < text.Length && !IsQuote(text[close])) close++;
                if (close >= text.Length) throw new QueryException($"the quote at position {i + 1} is never closed", i);
                tokens.Add(new Token(Kind.Phrase, text[(i + 1)..close], i));
                i = close + 1;
                continue;
            }
            // A minus starts a negation only at the start of a word; inside one (Kim Jong-un) it is part of it.
            if (c == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]) && (i == 0 || char.IsWhiteSpace(text[i - 1]) || text[i - 1] == '('))
            {
                tokens.Add(new Token(Kind.Minus, "-", i++));
                continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')') && !IsQuote(text[i]))
            {
                if (text[i] == ':' && i > start && IsFieldName(text[start..i])) break;
                i++;
            }
            if (i < text.Length && text[i] == ':' && i > start && IsFieldName(text[start..i]))
            {
                tokens.Add(new Token(Kind.Field, text[start..i], start));
                i++;
                // An address is one value to its end, colons, slashes and all (a quoted one is a phrase, as any value).
                if (text[start..(i - 1)].Equals("url", StringComparison.OrdinalIgnoreCase) && i < text.Length && !char.IsWhiteSpace(text[i]) && !IsQuote(text[i]))
                {
                    var value = i;
                    while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
                    tokens.Add(new Token(Kind.Word, text[value..i], value));
                }
                continue;
            }
            var word = text[start..i];
            // Stray punctuation (a lone &, <->, !!) says nothing to search for; it is passed over.
            if (!word.Any(char.IsLetterOrDigit) && word is not ("|" or "*")) continue;
            tokens.Add(word switch
            {
                "OR" or "|" => new Token(Kind.Or, word, start),
                "NOT" => new Token(Kind.Not, word, start),
                "AND" or "&" => default,
                _ => new Token(Kind.Word, word, start),
            });
            if (tokens[^1] == default) tokens.RemoveAt(tokens.Count - 1);
        }
        return tokens;
    }

    private static bool IsFieldName(string s) => s.Length is >= 3 and <= 8 && s.All(char.IsAsciiLetter);
}
