-- The models hold one row per key: a statement counted twice would show here first.
select 'speaker_topic_stance' as model, speaker || ' / ' || topic as key
from speaker_topic_stance
group by speaker, topic
having count(*) > 1
union all
select 'pair_agreement', level || ' / ' || topic || ' / ' || party_a || ' / ' || party_b
from pair_agreement
group by level, topic, party_a, party_b
having count(*) > 1
union all
select 'topic_trends', day || ' / ' || topic
from topic_trends
group by day, topic
having count(*) > 1
