namespace ReportLens.Core.Evaluation;

/// <summary>
/// Percentile bootstrap over gold reports: each resample draws as many reports as the corpus has, with replacement,
/// scores them like the corpus, and the interval is the central <see cref="BootstrapSettings.Level"/> of the
/// resampled values (nearest rank). The seeded generator makes the intervals reproducible.
/// </summary>
internal static class Bootstrap
{
    public static IReadOnlyList<ConfidenceInterval?> Intervals(IReadOnlyList<GroundedInput> inputs, IReadOnlyList<EvaluationMetric> metrics, BootstrapSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Iterations, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Level);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(settings.Level, 1);
        if (inputs.Count == 0)
        {
            return [.. metrics.Select(_ => (ConfidenceInterval?)null)];
        }

        var samples = metrics.Select(_ => new List<double>(settings.Iterations)).ToArray();
        var random = new Random(settings.Seed);
        for (var iteration = 0; iteration < settings.Iterations; iteration++)
        {
            var tally = new EvaluationTally();
            for (var i = 0; i < inputs.Count; i++)
            {
                tally.Add(inputs[random.Next(inputs.Count)]);
            }

            var report = tally.ToReport();
            for (var m = 0; m < metrics.Count; m++)
            {
                if (metrics[m].HasInterval && metrics[m].Value(report) is { } value)
                {
                    samples[m].Add(value);
                }
            }
        }

        var tail = (1 - settings.Level) / 2 * 100;
        return [.. samples.Select((values, m) =>
        {
            if (!metrics[m].HasInterval || values.Count == 0)
            {
                return null;
            }

            values.Sort();
            return new ConfidenceInterval(EvaluationTally.Percentile(values, tail), EvaluationTally.Percentile(values, 100 - tail));
        })];
    }
}
