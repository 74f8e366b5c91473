-- Two parties' net stances on the same topic, compared: the product of the two nets is +1
-- when both fully support (or both fully oppose) and -1 when one supports what the other
-- opposes. Only parties that took a side at least once are compared: a party with neutral
-- statements only would add a pair whose signal is always 0.
with sided as (
    select *
    from int_party_stances
    where supports + opposes > 0
)

select
    a.level,
    a.topic,
    a.party as party_a,
    b.party as party_b,
    a.net_stance * b.net_stance as signal,
    a.statements as statements_a,
    b.statements as statements_b,
    a.stories as stories_a,
    b.stories as stories_b,
    least(a.first_seen, b.first_seen) as first_seen,
    greatest(a.last_seen, b.last_seen) as last_seen
from sided as a
inner join sided as b
    on a.level = b.level and a.topic = b.topic and a.party < b.party
