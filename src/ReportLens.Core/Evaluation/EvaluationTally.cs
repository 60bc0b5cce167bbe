using ReportLens.Core.Annotations;
using ReportLens.Core.Grounding;

namespace ReportLens.Core.Evaluation;

/// <summary>Accumulates one evaluation run, report by report.</summary>
internal sealed class EvaluationTally
{
    private readonly Dictionary<string, (int Correct, int Total)> _dimensions = Evaluator.Dimensions.ToDictionary(d => d, _ => (0, 0));
    private readonly Dictionary<(string Dimension, string Class), PrecisionRecall> _classes = [];
    private readonly List<double> _latencies = [];
    private PrecisionRecall _highlightExact = PrecisionRecall.Zero;
    private PrecisionRecall _highlightOverlap = PrecisionRecall.Zero;
    private PrecisionRecall _findings = PrecisionRecall.Zero;
    private PrecisionRecall _measurements = PrecisionRecall.Zero;
    private PrecisionRecall _measurementValues = PrecisionRecall.Zero;
    private PrecisionRecall _locations = PrecisionRecall.Zero;
    private int _negationTotal, _negationMatched, _negationCorrect;
    private int _groundable, _grounded, _attempts, _failures, _reports;
    private readonly ReportLevelTally _reportLevel = new();
    private readonly List<(double Confidence, bool Correct)> _calibration = [];
    private long _tokens;
    private double _tokenSeconds;

    public void Add(GroundedInput x)
    {
        _reports++;
        _latencies.Add(x.Input.LatencyMs);
        if (x.Input.CompletionTokens is { } tokens)
        {
            _tokens += tokens;
            _tokenSeconds += x.Input.LatencyMs / 1000;
        }

        foreach (var (type, content, grounding) in new[]
        {
            (AnnotationType.Highlight, (AnnotationContent?)x.Input.Highlights, x.Highlights),
            (AnnotationType.Classification, x.Input.Classification, x.Classification),
            (AnnotationType.Extraction, x.Input.Extraction, x.Extraction),
        })
        {
            if (x.Tried(type))
            {
                _attempts++;
                _failures += content is null ? 1 : 0;
                _groundable += grounding?.ItemCount ?? 0;
                _grounded += grounding?.GroundedCount ?? 0;
            }
        }

        AddClassification(x);
        if (x.Tried(AnnotationType.Classification))
        {
            _reportLevel.Add(x.Input.Gold, x.Classification?.Content as ClassificationContent);
        }

        AddHighlights(x);
        AddExtraction(x);
        AddNegation(x);
    }

    public EvaluationReport ToReport()
    {
        var sorted = _latencies.Order().ToList();
        return new EvaluationReport
        {
            ReportCount = _reports,
            Classification = [.. Evaluator.Dimensions.Select(d => new DimensionAccuracy(d, _dimensions[d].Correct, _dimensions[d].Total))],
            PerClass = PerClass(),
            HighlightExact = _highlightExact,
            HighlightOverlap = _highlightOverlap,
            Findings = _findings,
            Measurements = _measurements,
            MeasurementValues = _measurementValues,
            Locations = _locations,
            Negation = new NegationScore(_negationTotal, _negationMatched, _negationCorrect),
            NormalAbnormal = _reportLevel.NormalAbnormal,
            CriticalReports = _reportLevel.CriticalReports,
            Chexpert = _reportLevel.Chexpert,
            Calibration = ReliabilityTable.From(_calibration),
            GroundedFraction = _groundable == 0 ? 1.0 : _grounded / (double)_groundable,
            Attempts = _attempts,
            SchemaFailures = _failures,
            LatencyP50Ms = Percentile(sorted, 50),
            LatencyP95Ms = Percentile(sorted, 95),
            TokensPerSecond = _tokenSeconds > 0 ? _tokens / _tokenSeconds : null,
        };
    }

    /// <summary>Nearest-rank percentile: the smallest value with at least p % of the values at or below it.</summary>
    internal static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private void AddClassification(GroundedInput x)
    {
        if (!x.Tried(AnnotationType.Classification))
        {
            return;
        }

        var items = (x.Classification?.Content as ClassificationContent)?.Classifications ?? [];
        foreach (var dimension in Evaluator.Dimensions)
        {
            var answer = items.FirstOrDefault(c => c.Dimension.Trim() == dimension)?.Category.Trim();
            var correct = string.Equals(answer, Evaluator.Expected(x.Input.Gold, dimension), StringComparison.OrdinalIgnoreCase);
            var (c, t) = _dimensions[dimension];
            _dimensions[dimension] = (c + (correct ? 1 : 0), t + 1);
            var expected = Evaluator.Expected(x.Input.Gold, dimension);
            AddClass(dimension, expected, new PrecisionRecall(0, 1, correct ? 1 : 0));
            if (answer is { Length: > 0 })
            {
                // A correct answer is counted once with the gold class above; a wrong one is a prediction of its own class.
                AddClass(dimension, correct ? expected : answer, new PrecisionRecall(1, 0, 0));
            }
        }
    }

    private void AddClass(string dimension, string category, PrecisionRecall counts) =>
        _classes[(dimension, category)] = _classes.GetValueOrDefault((dimension, category), PrecisionRecall.Zero).Add(counts);

    private static int VocabularyOrder(string dimension, string category)
    {
        var known = ClassificationVocabulary.CategoriesOf(dimension);
        for (var i = 0; i < known.Count; i++)
        {
            if (known[i] == category)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private List<ClassScore> PerClass() =>
    [
        .. Evaluator.Dimensions.SelectMany(d => _classes.Keys.Where(k => k.Dimension == d)
            .OrderBy(k => VocabularyOrder(d, k.Class))
            .ThenBy(k => k.Class, StringComparer.Ordinal)
            .Select(k => new ClassScore(d, k.Class, _classes[k]))),
    ];

    private void AddHighlights(GroundedInput x)
    {
        if (!x.Tried(AnnotationType.Highlight))
        {
            return;
        }

        // Located among all findings, so a text listed once negated and once abnormal keeps its own occurrence.
        var all = x.GoldFindingSpans;
        var gold = x.Input.Gold.Findings.Select((f, i) => (f, i)).Where(p => p.f.Abnormal).Select(p => all[p.i]).ToList();
        var predicted = x.HighlightItems
            .Where(h => !h.Negated && h.Category is HighlightCategories.Abnormal or HighlightCategories.Diagnosis)
            .Select(h => GroundedInput.Span(h.Grounding))
            .ToList();
        _highlightExact = _highlightExact.Add(SpanMatcher.Match(predicted, gold, exact: true));
        _highlightOverlap = _highlightOverlap.Add(SpanMatcher.Match(predicted, gold, exact: false));
    }

    private void AddExtraction(GroundedInput x)
    {
        if (!x.Tried(AnnotationType.Extraction))
        {
            return;
        }

        var gold = x.Input.Gold;
        var extraction = x.ExtractionContent;
        var findings = extraction?.FindingDetails.Select(f => GroundedInput.Span(f.Grounding)).ToList() ?? [];
        _findings = _findings.Add(SpanMatcher.Match(findings, x.GoldFindingSpans, exact: false));

        var measurements = extraction?.Measurements ?? [];
        var measurementSpans = measurements.Select(m => GroundedInput.Span(m.Grounding)).ToList();
        var goldMeasurements = GoldSpans.Locate(gold.Text, [.. gold.Measurements.Select(m => (m.Text, m.Start))]);
        _measurements = _measurements.Add(SpanMatcher.Match(measurementSpans, goldMeasurements, exact: false));
        _measurementValues = _measurementValues.Add(SpanMatcher.Match(measurementSpans, goldMeasurements, exact: false,
            (p, g) => SameValue(measurements[p], gold.Measurements[g])));

        var locations = extraction?.LocationDetails.Select(l => GroundedInput.Span(l.Grounding)).ToList() ?? [];
        _locations = _locations.Add(SpanMatcher.Match(locations, GoldSpans.Locate(gold.Text, gold.Locations), exact: false));
    }

    /// <summary>
    /// For each gold finding, the engine item at its span (extraction first, then highlights): items pair one
    /// to one first, best overlap and closest length first, so repeated texts find their own items; a finding
    /// left over may then share an item (one negated span can cover several findings).
    /// </summary>
    private void AddNegation(GroundedInput x)
    {
        if (!x.Tried(AnnotationType.Extraction) && !x.Tried(AnnotationType.Highlight))
        {
            return;
        }

        var gold = x.Input.Gold.Findings;
        var spans = x.GoldFindingSpans;
        var answers = new Answer?[gold.Count];
        var sources = new[]
        {
            (x.ExtractionContent?.FindingDetails ?? []).Select(f => (Span: GroundedInput.Span(f.Grounding), Answer: new Answer(f.Negated, f.Uncertain, f.Confidence?.Value))).ToList(),
            x.HighlightItems.Select(h => (Span: GroundedInput.Span(h.Grounding), Answer: new Answer(h.Negated, h.Uncertain, h.Confidence?.Value))).ToList(),
        };
        foreach (var items in sources)
        {
            foreach (var oneToOne in new[] { true, false })
            {
                Assign(items, spans, answers, oneToOne);
            }
        }

        for (var g = 0; g < gold.Count; g++)
        {
            _negationTotal++;
            if (answers[g] is { } answer)
            {
                _negationMatched++;
                _negationCorrect += answer.Negated == gold[g].Negated ? 1 : 0;
                if (answer.Confidence is { } confidence)
                {
                    var sameAssertion = answer.Negated == gold[g].Negated && (answer.Negated || answer.Uncertain == gold[g].Uncertain);
                    _calibration.Add((confidence, sameAssertion));
                }
            }
        }
    }

    private static void Assign(List<((int Start, int End)? Span, Answer Answer)> items, List<(int Start, int End)>[] gold, Answer?[] answers, bool oneToOne)
    {
        var pairs = new List<(int Gold, int Item, int Overlap, int Misfit)>();
        for (var g = 0; g < gold.Length; g++)
        {
            for (var i = 0; answers[g] is null && i < items.Count; i++)
            {
                if (items[i].Span is not { } s)
                {
                    continue;
                }

                foreach (var span in gold[g])
                {
                    var overlap = SpanMatcher.Overlap(span, s);
                    if (overlap > 0)
                    {
                        pairs.Add((g, i, overlap, Math.Abs(s.End - s.Start - (span.End - span.Start))));
                    }
                }
            }
        }

        var usedItems = new HashSet<int>();
        foreach (var (g, i, _, _) in pairs.OrderByDescending(p => p.Overlap).ThenBy(p => p.Misfit).ThenBy(p => p.Gold).ThenBy(p => items[p.Item].Span!.Value.Start))
        {
            if (answers[g] is null && (!oneToOne || usedItems.Add(i)))
            {
                answers[g] = items[i].Answer;
            }
        }
    }

    private readonly record struct Answer(bool Negated, bool Uncertain, double? Confidence);

    private static bool SameValue(Measurement predicted, GoldMeasurement gold) =>
        TextNormalizer.Normalize(predicted.Value) == TextNormalizer.Normalize(gold.Value)
        && TextNormalizer.Normalize(predicted.Unit) == TextNormalizer.Normalize(gold.Unit);
}
