-- depends on: int_stated_pairs
-- How much two parties agree on a topic, in [-1, 1] (docs/metrics.md has the formula and why):
-- the mean signal of the relations the text states between them (+1 agree or endorse, -1
-- disagree, reject or criticize), each story counted once however many copies it has.
-- Stances are not compared here: a lexicon's reading of two parties' statements on a broad
-- topic says too little about whether they agree (speaker_topic_stance describes them).
-- `stance_signal` and `statements` stay in the contract, empty. Every figure is listed, copy
-- by copy, in agreement_evidence.
with stated_once as (
    -- the copies of one story state a relation once
    select
        level,
        topic,
        party_a,
        party_b,
        stated_key,
        any_value(group_id) as group_id,
        any_value(signal) as signal,
        min(said_at) as first_seen,
        max(said_at) as last_seen
    from int_stated_pairs
    group by level, topic, party_a, party_b, stated_key
),

stated as (
    select
        level,
        topic,
        party_a,
        party_b,
        count(*) as stated_count,
        sum(signal) as stated_signal,
        count(*) filter (where signal > 0) as agreeing,
        count(*) filter (where signal < 0) as disagreeing,
        count(distinct group_id) as stated_stories,
        min(first_seen) as first_seen,
        max(last_seen) as last_seen
    from stated_once
    group by level, topic, party_a, party_b
)

select
    topic,
    party_a,
    party_b,
    level,
    round(stated_signal / stated_count, 4) as score,
    stated_count as evidence_count,
    stated_stories as articles,
    first_seen,
    last_seen,
    stated_count,
    stated_signal,
    null::double as stance_signal,
    0 as statements,
    agreeing,
    disagreeing,
    -- a pair whose stated relations point both ways is read as mixed, not as a faint agreement:
    -- a third of the evidence against is where a reader stops calling it one or the other
    case
        when disagreeing * 3 <= stated_count * 1 and agreeing > disagreeing then 'agree'
        when agreeing * 3 <= stated_count * 1 and disagreeing > agreeing then 'disagree'
        else 'mixed'
    end as verdict
from stated
