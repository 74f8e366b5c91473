-- Two parties' net stances on the same topic, compared: the product of the two nets is
-- +1 when both fully support (or both oppose) and -1 when one supports what the other opposes.
with nets as (
    select
        level,
        party,
        topic,
        count(*) as statements,
        avg(case stance when 'support' then 1.0 else -1.0 end) as net_stance,
        min(said_at) as first_seen,
        max(said_at) as last_seen
    from int_party_statements
    group by level, party, topic
)

select
    a.level,
    a.topic,
    a.party as party_a,
    b.party as party_b,
    a.net_stance * b.net_stance as signal,
    a.statements + b.statements as statements,
    least(a.first_seen, b.first_seen) as first_seen,
    greatest(a.last_seen, b.last_seen) as last_seen
from nets as a
inner join nets as b
    on a.level = b.level and a.topic = b.topic and a.party < b.party
