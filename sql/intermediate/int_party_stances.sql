-- depends on: int_party_statements
-- Where each party stands on each topic, counting each statement once however many copies
-- carry it: net stance = (supports - opposes) / statements, in [-1, 1].
with tallies as (
    select
        level,
        party,
        topic,
        count(distinct statement_key) as statements,
        count(distinct statement_key) filter (where side > 0) as supports,
        count(distinct statement_key) filter (where side < 0) as opposes,
        count(distinct group_id) as stories,
        min(said_at) as first_seen,
        max(said_at) as last_seen
    from int_party_statements
    group by level, party, topic
)

select
    *,
    round((supports - opposes) / statements, 4) as net_stance
from tallies
