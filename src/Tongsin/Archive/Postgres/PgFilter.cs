using System.Data.Common;
using Npgsql;

namespace Tongsin.Archive.Postgres;

/// <summary>
/// WHERE clauses over articles (a) and sources (s) with their parameters, on PostgreSQL: a list is
/// one array parameter. A search applies them too.
/// </summary>
internal sealed class PgFilter : IArticleSelection
{
    private readonly List<string> _clauses = [];
    private readonly List<NpgsqlParameter> _parameters = [];

    public string Where => _clauses.Count == 0 ? "" : "WHERE " + string.Join(" AND ", _clauses);

    /// <summary>The clauses with their parameters' values: two filters with the same key select the same rows.</summary>
    public string Key => Where + "\n" + string.Join("\n", _parameters.Select(p => p.Value switch
    {
        string[] values => string.Join("\u001f", values),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        var v => v?.ToString() ?? "",
    }));

    /// <summary>A new parameter's name, for a clause that takes it.</summary>
    public string Parameter(object value)
    {
        var name = "f" + _parameters.Count;
        _parameters.Add(new NpgsqlParameter(name, value));
        return "@" + name;
    }

    public void Add(string clause) => _clauses.Add(clause);

    public void Sources(IReadOnlyList<string>? slugs)
    {
        if (slugs is { Count: > 0 }) In("s.slug", slugs);
    }

    public void Published(DateOnly? from, DateOnly? to)
    {
        if (from is { } f) Add($"a.published >= {Parameter(f)}");
        if (to is { } t) Add($"a.published <= {Parameter(t)}");
    }

    public void Except(long articleId) => Add($"a.id <> {Parameter(articleId)}");

    public void In(string column, IReadOnlyCollection<string> values) => Add($"{column} = ANY({Parameter(values.ToArray())})");

    public void NotIn(string column, IReadOnlyCollection<string> values) => Add($"NOT ({column} = ANY({Parameter(values.ToArray())}))");

    public NpgsqlCommand Command(NpgsqlConnection c, string sql)
    {
        var cmd = new NpgsqlCommand(sql, c);
        foreach (var p in _parameters) cmd.Parameters.Add(p.Clone());
        return cmd;
    }

    DbCommand IArticleSelection.Command(DbConnection c, string sql) => Command((NpgsqlConnection)c, sql);
}
