-- Each pair_agreement figure can be recounted from agreement_evidence: its evidence count is
-- the number of distinct pieces of evidence listed, its articles the number of distinct stories.
with recounted as (
    select
        level,
        topic,
        party_a,
        party_b,
        count(distinct evidence_key) as evidence_count,
        count(distinct group_id) as articles
    from agreement_evidence
    group by level, topic, party_a, party_b
)

select pair_agreement.*, recounted.evidence_count as listed, recounted.articles as listed_stories
from pair_agreement
left join recounted using (level, topic, party_a, party_b)
where recounted.evidence_count is distinct from pair_agreement.evidence_count
    or recounted.articles is distinct from pair_agreement.articles
