-- Two parties' net stances on the same topic, compared: the product of the two nets is +1
-- when both fully support (or both fully oppose) and -1 when one supports what the other
-- opposes. Only parties that took a side at least once are compared (a party with neutral
-- statements only gives a signal of 0 with everyone). Countries are compared with every
-- other country; people only with those quoted on the topic in a story of theirs, since
-- comparing everyone with everyone grows with the square of the speakers and pairs people
-- who never met in the news.
with sided as (
    select *
    from int_party_stances
    where supports + opposes > 0
),

candidates as (
    select a.level, a.topic, a.party as party_a, b.party as party_b
    from sided as a
    inner join sided as b
        on a.level = b.level and a.topic = b.topic and a.party < b.party
    where a.level = 'country'
    union all
    select level, topic, party_a, party_b
    from int_shared_stories
    where level = 'person'
)

select
    candidates.*,
    a.net_stance * b.net_stance as signal,
    a.statements as statements_a,
    b.statements as statements_b,
    a.stories as stories_a,
    b.stories as stories_b,
    least(a.first_seen, b.first_seen) as first_seen,
    greatest(a.last_seen, b.last_seen) as last_seen
from candidates
inner join sided as a
    on a.level = candidates.level and a.topic = candidates.topic and a.party = candidates.party_a
inner join sided as b
    on b.level = candidates.level and b.topic = candidates.topic and b.party = candidates.party_b
