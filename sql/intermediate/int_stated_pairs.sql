-- Agreements the text states, one row per copy, as signals (+1 agree, -1 disagree), parties
-- in order, at the level stated and, for two people who speak for different countries, at
-- country level too. `stated_key` makes a relation stated once per story: its syndicated
-- copies, and the person-level statement lifted onto the countries the story also names.
with stated as (
    select
        agreements.agreement_id,
        agreements.article_id,
        int_article_groups.group_id,
        agreements.topic,
        agreements.level,
        least(agreements.party_a, agreements.party_b) as party_a,
        greatest(agreements.party_a, agreements.party_b) as party_b,
        agreements.relation,
        agreements.evidence,
        coalesce(articles.published_at, articles.fetched_at) as said_at
    from stg_agreements as agreements
    inner join stg_articles as articles using (article_id)
    inner join int_article_groups using (article_id)
    where agreements.party_a <> agreements.party_b
),

lifted_to_countries as (
    select
        stated.agreement_id,
        stated.article_id,
        stated.group_id,
        stated.topic,
        'country' as level,
        least(speaker_a.affiliation, speaker_b.affiliation) as party_a,
        greatest(speaker_a.affiliation, speaker_b.affiliation) as party_b,
        stated.relation,
        stated.evidence,
        stated.said_at
    from stated
    inner join speakers as speaker_a on speaker_a.speaker = stated.party_a
    inner join speakers as speaker_b on speaker_b.speaker = stated.party_b
    where stated.level = 'person' and speaker_a.affiliation <> speaker_b.affiliation
),

both_levels as (
    select * from stated
    union all
    select * from lifted_to_countries
)

select
    *,
    case relation when 'agree' then 1 else -1 end as signal,
    md5(concat_ws(chr(31), group_id, level, topic, party_a, party_b, relation)) as stated_key
from both_levels
