namespace Tongsin.Analysis.Rhetoric;

/// <summary>A lexicon that cannot be used: every problem found, each naming its file and line.</summary>
public sealed class LexiconException(IReadOnlyList<string> errors)
    : Exception(errors.Count == 1 ? errors[0] : $"{errors.Count} problems in the rhetoric lexicon:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
