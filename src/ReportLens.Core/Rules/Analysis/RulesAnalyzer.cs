using ReportLens.Core.Rules.Matching;

namespace ReportLens.Core.Rules.Analysis;

/// <summary>Runs the rules over one report: match lexicons, segment, locate, assert findings, measure.</summary>
internal static class RulesAnalyzer
{
    public static ReportAnalysis Analyze(string text, LanguageLexicon lexicon, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var matches = new LexiconMatches(lexicon.Matcher.FindAll(text));
        ct.ThrowIfCancellationRequested();
        var sections = Segmenter.Sections(text, matches.Of(PhraseKind.Section));
        var sentences = new List<TextUnit>();
        var clauses = new List<TextUnit>();
        Segmenter.Split(text, sections, lexicon.IsEnglish, sentences, clauses);
        var locations = Locations(text, matches, clauses, matches.Of(PhraseKind.Finding), lexicon.IsEnglish);
        var parts = new ReportAnalysisParts(text, matches, sections, sentences, clauses, locations);
        var mentions = AssertionDetector.Detect(text, clauses, matches.Of(PhraseKind.Finding), matches.Of(PhraseKind.Cue),
            matches.Of(PhraseKind.Anatomy), matches.Of(PhraseKind.Modifier), lexicon.IsEnglish, ct);
        mentions.RemoveAll(m => !m.Clause.Section.Describes && m.Clause.Section.Kind != SectionKind.Recommendation);
        KeepExclusionRequests(mentions, matches.Of(PhraseKind.Recommendation));
        ApplyModifiers(mentions, matches.Of(PhraseKind.Modifier), matches.Of(PhraseKind.Anatomy));
        ApplyCriticalContext(text, mentions, sentences);
        var findings = Segments(text, mentions, matches.Of(PhraseKind.Cue));
        ct.ThrowIfCancellationRequested();
        var measurements = new MeasurementExtractor(text, parts, lexicon.Messages, lexicon.IsEnglish).Extract();
        var devices = Devices(text, matches, clauses, lexicon.IsEnglish, ct);
        return new ReportAnalysis(parts, lexicon, mentions, findings, measurements, devices);
    }

    // Devices are read with the findings' negation scopes ("No lines or tubes", "after removal of the chest tube"
    // is still a mention): only those the report states as present, in describing sections, outside advice. A
    // history cue ("起搏器植入术后", "status post pacemaker placement") states the device that the operation left.
    private static List<DeviceMention> Devices(string text, LexiconMatches matches, List<TextUnit> clauses, bool english, CancellationToken ct)
    {
        var hits = matches.Of(PhraseKind.Device);
        if (hits.Count == 0)
        {
            return [];
        }

        var devices = new List<DeviceMention>(hits.Count);
        foreach (var mention in AssertionDetector.Detect(text, clauses, hits, matches.Of(PhraseKind.Cue), matches.Of(PhraseKind.Anatomy),
            matches.Of(PhraseKind.Modifier), english, ct))
        {
            if (mention.NegationCue is not { Entry.IsHistoryCue: false } && mention.Clause.Section.Describes && AdviceCueBefore(mention, matches.Of(PhraseKind.Recommendation)) is null)
            {
                devices.Add(new DeviceMention(mention.Hit.Start, mention.Hit.End, mention.Hit.Entry.Label));
            }
        }

        return devices;
    }

    /// <summary>
    /// What advice names is not an observation. A condition it asks to exclude or evaluate ("建议CTA检查以排除动脉瘤",
    /// "必要时CTPA排除肺动脉栓塞", "recommend CT to evaluate for a nodule", "lateral view recommended to exclude
    /// pneumonia") is a possibility the radiologist raised: it stays, hypothetical (uncertain, never raising the
    /// urgency); a negation after the advice cue is the exclusion verb, not an absent finding. Any other finding term
    /// inside advice ("建议复查胸部CT观察结节变化") is left to where the report states it. A recommendation section
    /// ("建议：…", "RECOMMENDATION:") is advice from its first word.
    /// </summary>
    private static void KeepExclusionRequests(List<FindingMention> mentions, IReadOnlyList<PhraseHit> advice)
    {
        for (var i = mentions.Count - 1; i >= 0; i--)
        {
            var mention = mentions[i];
            var adviceStart = mention.Clause.Section.Kind == SectionKind.Recommendation ? mention.Clause.Section.BodyStart : AdviceCueBefore(mention, advice)?.Start;
            if (adviceStart is not { } start)
            {
                continue;
            }

            if (mention.Hypothetical || mention.Uncertain)
            {
                mentions[i] = mention with { NegationCue = null };
            }
            else if (mention.NegationCue is { } negation && negation.Start > start)
            {
                mentions[i] = mention with
                {
                    NegationCue = null,
                    UncertaintyCue = new PhraseHit(negation.Start, negation.End, negation.Entry with { Label = "hypothetical" }),
                };
            }
            else
            {
                mentions.RemoveAt(i);
            }
        }
    }

    private static PhraseHit? AdviceCueBefore(FindingMention mention, IReadOnlyList<PhraseHit> advice)
    {
        for (var i = HitSearch.FirstAtOrAfter(advice, mention.Clause.Start); i < advice.Count && advice[i].Start < mention.Hit.Start; i++)
        {
            if (advice[i].Entry.Label == "cue")
            {
                return advice[i];
            }
        }

        return null;
    }

    // A modifier acts on the first finding after it in its clause; one inside a location (小 in 小肠) is no modifier.
    private static void ApplyModifiers(List<FindingMention> mentions, IReadOnlyList<PhraseHit> modifiers, IReadOnlyList<PhraseHit> anatomy)
    {
        for (var i = 0; i < mentions.Count; i++)
        {
            var mention = mentions[i];
            var from = i > 0 && ReferenceEquals(mentions[i - 1].Clause, mention.Clause) ? mentions[i - 1].Hit.End : mention.Clause.Start;
            var change = 0;
            for (var m = HitSearch.FirstAtOrAfter(modifiers, from); m < modifiers.Count && modifiers[m].End <= mention.Hit.Start; m++)
            {
                if (!Inside(anatomy, modifiers[m]))
                {
                    change = modifiers[m].Entry.Value;
                }
            }

            if (change != 0)
            {
                mentions[i] = mention with { SeverityChange = change };
            }
        }
    }

    // Wording that names the examination or its views (weight 2 or more: "views of the chest", "胸部正位"), not a
    // weak hint that also names a structure ("costophrenic angle", "肋膈角").
    private static bool InsideExamWording(IReadOnlyList<PhraseHit> modalities, PhraseHit inner) =>
        HitSearch.AnyContains(modalities, inner.Start, inner.End, hit => hit.Entry.Value >= 2);

    // A term critical only in a context (critical.tsv: 脊髓受压 with 骨折) is critical where its sentence names one of
    // the context words; elsewhere (a degenerative spine) it is a severe finding.
    private static void ApplyCriticalContext(string text, List<FindingMention> mentions, List<TextUnit> sentences)
    {
        for (var i = 0; i < mentions.Count; i++)
        {
            if (mentions[i].Hit.Entry.CriticalOnlyWith is not { } words)
            {
                continue;
            }

            var clause = mentions[i].Clause;
            var (start, end) = clause.Sentence >= 0 && clause.Sentence < sentences.Count
                ? (sentences[clause.Sentence].Start, sentences[clause.Sentence].End)
                : (clause.Start, clause.End);
            var sentence = TextFold.Fold(text[start..end]);
            if (!words.Any(w => sentence.Contains(w, StringComparison.Ordinal)))
            {
                mentions[i] = mentions[i] with { OutOfCriticalContext = true };
            }
        }
    }

    private static bool Inside(IReadOnlyList<PhraseHit> hits, PhraseHit inner) =>
        HitSearch.AnyContains(hits, inner.Start, inner.End, hit => hit.Entry.Label != "skip");

    private static List<LocationMention> Locations(string text, LexiconMatches matches, List<TextUnit> clauses, IReadOnlyList<PhraseHit> findings, bool english)
    {
        var locations = new List<LocationMention>();
        var lateral = matches.Of(PhraseKind.Laterality);
        var modalities = matches.Of(PhraseKind.Modality);
        var devices = matches.Of(PhraseKind.Device);
        var l = 0;
        var c = 0;
        foreach (var hit in matches.Of(PhraseKind.Anatomy))
        {
            while (c < clauses.Count && clauses[c].End <= hit.Start)
            {
                c++;
            }

            // Where the findings are, not what was examined: the title ("胸部CT平扫"), the technique and the
            // exam's own view wording ("views of the chest", "chest radiograph") name the region, which is the body
            // part, not a location. Nor is the organ word of a finding or device term ("胸腔" in 胸腔积液, "肝" in
            // 肝细胞癌, "pleural" in pleural effusion, "chest" in chest tube) — unless the term is a structure and its
            // change (flag 'l': 心影 in 心影增大, 脑沟 in 脑沟变浅).
            if (c >= clauses.Count || !clauses[c].Contains(hit.Start, hit.End) || !clauses[c].Section.Describes
                || IsTitle(text, clauses, clauses[c]) || HitSearch.AnyContains(findings, hit.Start, hit.End, f => f.Entry.Label != "skip" && !f.Entry.HasFlag('l'))
                || InsideExamWording(modalities, hit) || Inside(devices, hit))
            {
                continue;
            }

            var start = hit.Start;
            while (l < lateral.Count && lateral[l].End < hit.Start - 1)
            {
                l++;
            }

            if (l < lateral.Count && LateralityJoins(text, lateral[l], hit.Start, english) && lateral[l].Start >= clauses[c].Start)
            {
                start = lateral[l].Start;
            }

            locations.Add(new LocationMention(start, hit.End, text[start..hit.End], hit.Entry.Label, hit.Entry.Value, clauses[c]));
        }

        return locations;
    }

    /// <summary>
    /// The report's first clause when it is a short preamble line ended by a colon or a line break, such as
    /// "胸部CT平扫：" or "CT HEAD:" — not a first finding such as "双肺纹理增多，".
    /// </summary>
    internal static bool IsTitle(string text, IReadOnlyList<TextUnit> clauses, TextUnit clause)
    {
        if (!ReferenceEquals(clauses[0], clause) || clause.Section.Kind != SectionKind.Preamble || clause.Length > TitleMaxLength)
        {
            return false;
        }

        var after = clause.End;
        while (after < text.Length && text[after] is ' ' or '\t')
        {
            after++;
        }

        return after == text.Length || text[after] is ':' or '：' or '\n' or '\r';
    }

    private const int TitleMaxLength = 20;

    private static bool LateralityJoins(string text, PhraseHit lateral, int anatomyStart, bool english) =>
        lateral.End == anatomyStart || (english && lateral.End == anatomyStart - 1 && text[lateral.End] == ' ');

    private static List<FindingSegment> Segments(string text, List<FindingMention> mentions, IReadOnlyList<PhraseHit> cues)
    {
        var segments = new List<FindingSegment>();
        var i = 0;
        while (i < mentions.Count)
        {
            var clause = mentions[i].Clause;
            var start = clause.Start;
            var group = new List<FindingMention> { mentions[i] };
            i++;
            while (i < mentions.Count && ReferenceEquals(mentions[i].Clause, clause))
            {
                if (BoundaryBetween(cues, group[^1].Hit.End, mentions[i].Hit.Start) is { } boundary)
                {
                    segments.Add(Segment(text, start, boundary.Start, group, cues));
                    start = boundary.Entry.Label is "coordinator" or "stop" ? boundary.End : boundary.Start;
                    group = [];
                }

                group.Add(mentions[i]);
                i++;
            }

            segments.Add(Segment(text, start, clause.End, group, cues));
        }

        return segments;
    }

    // A segment does not start with the stop word or coordinator before it ("但右肺上叶见一结节" → "右肺上叶见一结节").
    private static FindingSegment Segment(string text, int start, int end, List<FindingMention> group, IReadOnlyList<PhraseHit> cues)
    {
        var (s, e) = Segmenter.Trim(text, start, end);
        var i = HitSearch.FirstAtOrAfter(cues, s);
        if (i < cues.Count && cues[i].Start == s && cues[i].Entry.Label is "stop" or "coordinator" && cues[i].End <= group[0].Hit.Start)
        {
            (s, e) = Segmenter.Trim(text, cues[i].End, e);
        }

        (s, e) = WithoutUnpairedParenthesis(text, s, e);
        return new FindingSegment(s, e, group);
    }

    // A cue inside an aside splits it ("片状影（考虑肺炎）" → "片状影", "考虑肺炎"): neither part keeps a parenthesis
    // whose partner is in the other.
    private static (int Start, int End) WithoutUnpairedParenthesis(string text, int start, int end)
    {
        if (end > start && text[end - 1] is '(' or '（')
        {
            return Segmenter.Trim(text, start, end - 1);
        }

        if (end > start && text[end - 1] is ')' or '）' && text.AsSpan(start, end - start).IndexOfAny('(', '（') < 0)
        {
            return Segmenter.Trim(text, start, end - 1);
        }

        return (start, end);
    }

    /// <summary>
    /// Where a clause's findings part: a coordinator (、, and, or…) or a stop word (但, but…), which belongs to
    /// neither side, or a cue that starts the second one ("emboli without right heart strain").
    /// </summary>
    private static PhraseHit? BoundaryBetween(IReadOnlyList<PhraseHit> cues, int from, int to)
    {
        for (var i = HitSearch.FirstAtOrAfter(cues, from); i < cues.Count && cues[i].Start < to; i++)
        {
            var cue = cues[i];
            if (cue.End <= to && (cue.Entry.Label is "coordinator" or "stop"
                || (cue.Entry.Label is "negation" or "uncertainty" && cue.Entry.Flags is "pre" or "both")))
            {
                return cue;
            }
        }

        return null;
    }
}
