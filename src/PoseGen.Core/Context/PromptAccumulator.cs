using PoseGen.Core.Profiles;

namespace PoseGen.Core.Context;

public sealed partial class PromptParser
{
    /// <summary>Collects cues per label and combines them (noisy-or) into ranked estimates.</summary>
    private sealed class Accumulator
    {
        private readonly Dictionary<(ContextDimension, string), (double Miss, List<string> Evidence)> _positive = [];
        private readonly Dictionary<(ContextDimension, string), (double Miss, List<string> Evidence)> _excluded = [];
        private readonly List<string> _floor = [];

        public void Add(ContextDimension d, string label, double weight, string evidence) =>
            Put(_positive, d, label, weight, evidence);

        public void Exclude(ContextDimension d, string label, double weight, string evidence) =>
            Put(_excluded, d, label, weight, evidence);

        public void NotOnFloor(string evidence)
        {
            if (!_floor.Contains(evidence)) _floor.Add(evidence);
        }

        private static void Put(Dictionary<(ContextDimension, string), (double Miss, List<string> Evidence)> map,
            ContextDimension d, string label, double weight, string evidence)
        {
            var key = (d, label);
            var (miss, list) = map.TryGetValue(key, out var v) ? v : (1.0, new List<string>());
            if (!list.Contains(evidence)) list.Add(evidence);
            map[key] = (miss * (1 - weight), list);
        }

        public PromptContext Build(int? minutes, Level? level)
        {
            // An explicit exclusion wins over a positive mention of the same label elsewhere in the prompt.
            foreach (var key in _excluded.Keys) _positive.Remove(key);
            IReadOnlyList<ContextEstimate> Of(ContextDimension d) => _positive
                .Where(kv => kv.Key.Item1 == d)
                .Select(kv => new ContextEstimate(kv.Key.Item2, Math.Round(1 - kv.Value.Miss, 3), ContextSource.Prompt,
                    kv.Value.Evidence))
                .OrderByDescending(e => e.Confidence).ThenBy(e => e.Label, StringComparer.Ordinal).ToArray();
            var excluded = _excluded.Select(kv => (kv.Key.Item1, new ContextEstimate(kv.Key.Item2,
                Math.Round(1 - kv.Value.Miss, 3), ContextSource.Prompt, kv.Value.Evidence))).ToArray();
            var floor = _floor.Count == 0 ? null : new ContextEstimate("not-on-floor", 0.9, ContextSource.Prompt,
                _floor);
            return new PromptContext(Of(ContextDimension.Environment), Of(ContextDimension.Outfit),
                Of(ContextDimension.Goal),
                Of(ContextDimension.Mood), Of(ContextDimension.BodyFocus), Of(ContextDimension.Limitation), excluded,
                floor, minutes, level);
        }
    }
}
