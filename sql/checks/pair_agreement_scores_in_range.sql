-- Scores lie in [-1, 1], follow from the row's own figures (docs/metrics.md), every pair is
-- ordered, and every figure has evidence behind it.
select pair_agreement.*
from pair_agreement
where score not between -1 and 1
    or party_a >= party_b
    or evidence_count < 1
    or articles < 1
    or agreeing + disagreeing <> stated_count
    or abs(score - (stated_signal + 0.5 * coalesce(stance_signal, 0))
        / (stated_count + 0.5 * (stance_signal is not null)::int)) > 0.0001
