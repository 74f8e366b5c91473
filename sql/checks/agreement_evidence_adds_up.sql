-- Each pair_agreement figure can be recounted from agreement_evidence: its evidence count is
-- the number of distinct pieces of evidence listed, its articles the number of distinct
-- stories. Every person-level pair is recounted, and a fixed twentieth of the country pairs:
-- listing every country pair's statements would cost more than the rest of the build, and
-- both levels come from the same SQL.
with audited as (
    select *
    from pair_agreement
    where level = 'person' or hash(party_a, party_b) % 20 = 0
),

recounted as (
    select
        level,
        topic,
        party_a,
        party_b,
        count(distinct evidence_key) as evidence_count,
        count(distinct group_id) as articles
    from agreement_evidence
    where level = 'person' or hash(party_a, party_b) % 20 = 0
    group by level, topic, party_a, party_b
)

select audited.*, recounted.evidence_count as listed, recounted.articles as listed_stories
from audited
full outer join recounted using (level, topic, party_a, party_b)
where recounted.evidence_count is distinct from audited.evidence_count
    or recounted.articles is distinct from audited.articles
