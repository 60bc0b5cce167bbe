namespace ReportLens.OllamaEmulator.Content;

/// <summary>What the emulator "reads" in a report; shared by the four annotation generators.</summary>
internal sealed class ReportReading
{
    public ReportReading(string report, EmulatorLexicon lexicon, MeasurementFinder measurements, Random random)
    {
        Report = report;
        Masked = Faults.FaultInjector.Mask(report);
        Lexicon = lexicon;
        Random = random;
        IsChinese = report.Any(Scheduling.TokenEstimator.IsCjk);
        Clauses = ClauseSplitter.Split(Masked, lexicon);
        Content = [.. Clauses.Where(c => !c.IsLabel)];
        Measurements = measurements.Find(Masked);
        Abnormal = [.. Content.Where(c => !c.InImpression && IsAbnormal(c))];
        Impression = [.. Content.Where(c => c.InImpression)];
    }

    public string Report { get; }
    /// <summary>The report with fault directives blanked out; same length, so offsets hold for both.</summary>
    public string Masked { get; }
    public EmulatorLexicon Lexicon { get; }
    public Random Random { get; }
    public bool IsChinese { get; }
    public IReadOnlyList<Clause> Clauses { get; }
    public IReadOnlyList<Clause> Content { get; }
    public IReadOnlyList<MeasurementSpan> Measurements { get; }
    public IReadOnlyList<Clause> Abnormal { get; }
    public IReadOnlyList<Clause> Impression { get; }

    public string Say(string zh, string en) => IsChinese ? zh : en;

    /// <summary>An abnormal keyword not preceded by a negation cue in the same clause.</summary>
    public bool IsAbnormal(Clause clause) => HasUnnegated(clause, Lexicon.Abnormal);

    public bool HasUnnegated(Clause clause, IEnumerable<string> keywords)
    {
        var hit = TextMatch.First(Masked, keywords, clause.Start, clause.End);
        if (hit is null)
        {
            return false;
        }
        var negation = TextMatch.First(Masked, Lexicon.Negation, clause.Start, clause.End);
        return negation is null || negation.Value.Index > hit.Value.Index;
    }

    public (int Start, int End)? FirstLocation(Clause clause)
    {
        var hit = TextMatch.First(Masked, Lexicon.Locations, clause.Start, clause.End);
        return hit is { } h ? (h.Index, h.Index + h.Keyword.Length) : null;
    }

    public double Confidence() => Math.Round(0.75 + Random.NextDouble() * 0.2, 2);

    public string Hallucination => Lexicon.Hallucination.GetValueOrDefault(IsChinese ? "zh" : "en", "hallucinated finding");
}
