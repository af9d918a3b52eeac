using System.Data.Common;
using Microsoft.Data.Sqlite;
using Tongsin.Text;

namespace Tongsin.Archive.Sqlite;

/// <summary>WHERE clauses over articles (a) and sources (s) with their parameters, on SQLite: lists are lists of parameters.</summary>
internal sealed class SqlFilter : IArticleSelection
{
    private readonly List<string> _clauses = [];
    private readonly List<(string Name, object Value)> _parameters = [];

    public string Where => _clauses.Count == 0 ? "" : "WHERE " + string.Join(" AND ", _clauses);

    public void Add(string clause, params (string, object)[] parameters)
    {
        _clauses.Add(clause);
        _parameters.AddRange(parameters);
    }

    public void Sources(IReadOnlyList<string>? slugs)
    {
        if (slugs is { Count: > 0 }) In("s.slug", slugs);
    }

    public void Published(DateOnly? from, DateOnly? to)
    {
        if (from is { } f) Add($"a.published >= $p{_parameters.Count}", ($"$p{_parameters.Count}", Dates.ToIso(f)));
        if (to is { } t) Add($"a.published <= $p{_parameters.Count}", ($"$p{_parameters.Count}", Dates.ToIso(t)));
    }

    public void Except(long articleId) => Add("a.id <> $exclude", ("$exclude", articleId));

    public void In(string column, IReadOnlyCollection<string> values) => Set(column, values, "IN");

    public void NotIn(string column, IReadOnlyCollection<string> values) => Set(column, values, "NOT IN");

    private void Set(string column, IReadOnlyCollection<string> values, string op)
    {
        var names = values.Select((v, i) => ($"$p{_parameters.Count}_{i}", v)).ToList();
        _clauses.Add($"{column} {op} ({string.Join(", ", names.Select(n => n.Item1))})");
        _parameters.AddRange(names.Select(n => (n.Item1, (object)n.v)));
    }

    public SqliteCommand Command(SqliteConnection c, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in _parameters) cmd.Parameters.AddWithValue(name, value);
        return cmd;
    }

    DbCommand IArticleSelection.Command(DbConnection c, string sql) => Command((SqliteConnection)c, sql);
}
