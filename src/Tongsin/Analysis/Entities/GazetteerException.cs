namespace Tongsin.Analysis.Entities;

/// <summary>A gazetteer file that cannot be used: every problem found, each naming its file and line.</summary>
public sealed class GazetteerException(IReadOnlyList<string> errors)
    : Exception(errors.Count == 1 ? errors[0] : $"{errors.Count} problems in the gazetteer:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
