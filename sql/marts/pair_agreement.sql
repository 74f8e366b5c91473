-- How much two parties agree on a topic, in [-1, 1] (docs/metrics.md has the formula):
-- the relations the text states, one signal per story, and the comparison of the two
-- parties' net stances, weighted half a stated relation. Every figure is listed, copy by
-- copy, in agreement_evidence.
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
        count(distinct group_id) as stated_stories,
        min(first_seen) as first_seen,
        max(last_seen) as last_seen
    from stated_once
    group by level, topic, party_a, party_b
),

party_stories as (
    select distinct level, topic, party, group_id
    from int_party_statements
),

-- the stories behind a pair are those of both parties' statements and of the stated
-- relations: counted as |A| + |B| - |A and B| + |stated, neither party quoted|, since
-- listing every story of every pair would grow with the square of the parties on a topic
stated_only_stories as (
    select stated_once.level, stated_once.topic, stated_once.party_a, stated_once.party_b,
        count(distinct stated_once.group_id) as stories
    from stated_once
    anti join party_stories as a
        on a.level = stated_once.level and a.topic = stated_once.topic
        and a.party = stated_once.party_a and a.group_id = stated_once.group_id
    anti join party_stories as b
        on b.level = stated_once.level and b.topic = stated_once.topic
        and b.party = stated_once.party_b and b.group_id = stated_once.group_id
    group by stated_once.level, stated_once.topic, stated_once.party_a, stated_once.party_b
),

combined as (
    select
        coalesce(stated.level, stance.level) as level,
        coalesce(stated.topic, stance.topic) as topic,
        coalesce(stated.party_a, stance.party_a) as party_a,
        coalesce(stated.party_b, stance.party_b) as party_b,
        coalesce(stated.stated_count, 0) as stated_count,
        coalesce(stated.stated_signal, 0) as stated_signal,
        stance.signal as stance_signal,
        coalesce(stance.statements_a + stance.statements_b, 0) as statements,
        case
            when stance.level is null then stated.stated_stories
            else stance.stories_a + stance.stories_b - coalesce(shared.stories, 0)
                + coalesce(stated_only_stories.stories, 0)
        end as articles,
        least(stated.first_seen, stance.first_seen) as first_seen,
        greatest(stated.last_seen, stance.last_seen) as last_seen
    from stated
    full outer join int_stance_pairs as stance
        on stated.level = stance.level and stated.topic = stance.topic
        and stated.party_a = stance.party_a and stated.party_b = stance.party_b
    left join int_shared_stories as shared
        on shared.level = stance.level and shared.topic = stance.topic
        and shared.party_a = stance.party_a and shared.party_b = stance.party_b
    left join stated_only_stories
        on stated_only_stories.level = stance.level and stated_only_stories.topic = stance.topic
        and stated_only_stories.party_a = stance.party_a and stated_only_stories.party_b = stance.party_b
)

select
    topic,
    party_a,
    party_b,
    level,
    -- a stated relation weighs 1, the stance comparison 0.5 (docs/metrics.md says why)
    round((stated_signal + 0.5 * coalesce(stance_signal, 0))
        / (stated_count + 0.5 * (stance_signal is not null)::int), 4) as score,
    stated_count + statements as evidence_count,
    articles,
    first_seen,
    last_seen,
    stated_count,
    stated_signal,
    round(stance_signal, 4) as stance_signal,
    statements
from combined
