using ReportLens.Core.Annotations;

namespace ReportLens.Core.Evaluation;

/// <summary>The report-level verdicts: normal vs abnormal, 危急 precision/recall, and the CheXpert labels.</summary>
internal sealed class ReportLevelTally
{
    private const string Critical = "危急";
    private readonly Dictionary<string, (int Correct, int Total)> _chexpert = ChexpertVocabulary.Observations.ToDictionary(o => o, _ => (0, 0));
    private readonly Dictionary<string, PrecisionRecall> _positive = ChexpertVocabulary.Observations.ToDictionary(o => o, _ => PrecisionRecall.Zero);
    private int _normalCorrect, _normalTotal, _chexpertReports;
    private PrecisionRecall _critical = PrecisionRecall.Zero;

    public void Add(GoldReport gold, ClassificationContent? classification)
    {
        var items = classification?.Classifications ?? [];
        var urgency = items.FirstOrDefault(c => c.Dimension.Trim() == ClassificationVocabulary.Urgency)?.Category.Trim();
        var goldNormal = gold.Urgency == ClassificationVocabulary.Normal;
        // A failed or missing answer is wrong either way.
        var correct = urgency is not null && ClassificationVocabulary.UrgencySeverity(urgency) >= 0
            && (urgency == ClassificationVocabulary.Normal) == goldNormal;
        _normalCorrect += correct ? 1 : 0;
        _normalTotal++;

        var predictedCritical = urgency == Critical;
        var goldCritical = gold.Urgency == Critical;
        _critical = _critical.Add(new(predictedCritical ? 1 : 0, goldCritical ? 1 : 0, predictedCritical && goldCritical ? 1 : 0));

        if (gold.Chexpert is not { } labels)
        {
            return;
        }

        _chexpertReports++;
        foreach (var observation in ChexpertVocabulary.Observations)
        {
            var expected = labels.GetValueOrDefault(observation) ?? ChexpertVocabulary.NotMentioned;
            var answer = items.FirstOrDefault(c => c.Dimension.Trim() == ChexpertVocabulary.Dimension(observation))?.Category.Trim()
                ?? ChexpertVocabulary.NotMentioned;
            var (c, t) = _chexpert[observation];
            _chexpert[observation] = (c + (string.Equals(answer, expected, StringComparison.OrdinalIgnoreCase) ? 1 : 0), t + 1);
            var predictedPositive = string.Equals(answer, ChexpertVocabulary.Positive, StringComparison.OrdinalIgnoreCase);
            var goldPositive = expected == ChexpertVocabulary.Positive;
            _positive[observation] = _positive[observation].Add(new(predictedPositive ? 1 : 0, goldPositive ? 1 : 0, predictedPositive && goldPositive ? 1 : 0));
        }
    }

    public DimensionAccuracy NormalAbnormal => new("正常/异常", _normalCorrect, _normalTotal);

    public PrecisionRecall CriticalReports => _critical;

    public ChexpertScore Chexpert => _chexpertReports == 0
        ? ChexpertScore.Empty
        : new(_chexpertReports, [.. ChexpertVocabulary.Observations.Select(o => new DimensionAccuracy(o, _chexpert[o].Correct, _chexpert[o].Total))],
            new Dictionary<string, PrecisionRecall>(_positive));
}
