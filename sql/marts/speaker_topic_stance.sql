-- depends on: int_party_stances, int_speakers
-- Each speaker's statements on each topic and where they stand on it. A statement carried by
-- several copies of a story counts once; docs/metrics.md defines each figure.
with stances as (
    select *
    from int_party_stances
    where level = 'speaker'
)

select
    stances.party as speaker,
    speakers.affiliation,
    stances.topic,
    stances.statements,
    stances.supports,
    stances.opposes,
    stances.net_stance,
    stances.first_seen,
    stances.last_seen
from stances
left join int_speakers as speakers on speakers.speaker = stances.party
