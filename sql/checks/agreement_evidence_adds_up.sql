-- Each pair_agreement figure can be recounted from agreement_evidence: its evidence count is
-- the number of distinct pieces of evidence listed, its articles the number of distinct
-- stories. The build sets `audit_every`: every pair of a small warehouse is recounted, a
-- fixed sample of a large one, since listing every pair's evidence grows with the square of
-- the parties on a topic.
with audited as (
    select *
    from pair_agreement
    where hash(party_a, party_b) % getvariable('audit_every') = 0
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
    where hash(party_a, party_b) % getvariable('audit_every') = 0
    group by level, topic, party_a, party_b
)

select audited.*, recounted.evidence_count as listed, recounted.articles as listed_stories
from audited
full outer join recounted using (level, topic, party_a, party_b)
where recounted.evidence_count is distinct from audited.evidence_count
    or recounted.articles is distinct from audited.articles
