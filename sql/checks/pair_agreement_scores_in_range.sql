-- Scores lie in [-1, 1], every pair is ordered, and every figure has evidence behind it.
select pair_agreement.*
from pair_agreement
where score not between -1 and 1
    or party_a >= party_b
    or evidence_count < 1
    or not exists (
        select 1 from agreement_evidence as evidence
        where evidence.level = pair_agreement.level and evidence.topic = pair_agreement.topic
            and evidence.party_a = pair_agreement.party_a and evidence.party_b = pair_agreement.party_b
    )
