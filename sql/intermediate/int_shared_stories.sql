-- For two parties quoted on the same topic in the same story (near-duplicate group): how
-- many such stories. Pair agreement compares two people only when they share a story, and
-- counts a pair's stories as |A| + |B| - |shared| without listing them all.
with party_stories as (
    select distinct level, topic, party, group_id
    from int_party_statements
    where level in ('person', 'country')
)

select
    a.level,
    a.topic,
    a.party as party_a,
    b.party as party_b,
    count(*) as stories
from party_stories as a
inner join party_stories as b
    on a.level = b.level and a.topic = b.topic and a.group_id = b.group_id and a.party < b.party
group by a.level, a.topic, a.party, b.party
