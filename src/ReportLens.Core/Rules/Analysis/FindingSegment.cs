namespace ReportLens.Core.Rules.Analysis;

/// <summary>
/// One extracted finding: a clause, or the part of it between coordinators when it names several findings
/// ("No pneumothorax or pleural effusion" → two). Negated when all its terms are negated.
/// </summary>
internal sealed record FindingSegment(int Start, int End, IReadOnlyList<FindingMention> Mentions)
{
    public bool Negated
    {
        get
        {
            for (var i = 0; i < Mentions.Count; i++)
            {
                if (!Mentions[i].Negated)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public bool Uncertain
    {
        get
        {
            for (var i = 0; i < Mentions.Count; i++)
            {
                if (Mentions[i] is { Uncertain: true, Negated: false })
                {
                    return true;
                }
            }

            return false;
        }
    }

    public bool Abnormal => !Negated;
    public TextUnit Clause => Mentions[0].Clause;

    /// <summary>The most severe asserted term, or the first term when all are negated.</summary>
    public FindingMention Primary
    {
        get
        {
            FindingMention? best = null;
            for (var i = 0; i < Mentions.Count; i++)
            {
                var mention = Mentions[i];
                if (!mention.Negated && (best is null || mention.Severity > best.Severity))
                {
                    best = mention;
                }
            }

            return best ?? Mentions[0];
        }
    }
}
