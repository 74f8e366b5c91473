-- Agreement or disagreement an article states between two parties, on a topic.
select
    agreement_id,
    article_id,
    topic,
    party_a,
    party_b,
    relation,
    level,
    evidence,
    published_date
from stg_agreements
