-- Agreements the text states, as signals (+1 agree, -1 disagree), at the level stated and,
-- for two people who speak for different countries, at country level too.
with stated as (
    select
        agreements.agreement_id,
        agreements.article_id,
        agreements.topic,
        agreements.level,
        agreements.party_a,
        agreements.party_b,
        agreements.evidence,
        case agreements.relation when 'agree' then 1.0 else -1.0 end as signal,
        coalesce(articles.published_at, articles.fetched_at) as said_at
    from agreements
    inner join articles using (article_id)
),

lifted_to_countries as (
    select
        stated.agreement_id,
        stated.article_id,
        stated.topic,
        'country' as level,
        least(speaker_a.affiliation, speaker_b.affiliation) as party_a,
        greatest(speaker_a.affiliation, speaker_b.affiliation) as party_b,
        stated.evidence,
        stated.signal,
        stated.said_at
    from stated
    inner join speakers as speaker_a on speaker_a.speaker = stated.party_a
    inner join speakers as speaker_b on speaker_b.speaker = stated.party_b
    where stated.level = 'person' and speaker_a.affiliation <> speaker_b.affiliation
)

select * from stated
union all
select * from lifted_to_countries
