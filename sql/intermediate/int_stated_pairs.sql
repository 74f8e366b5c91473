-- depends on: int_article_groups, stg_agreements, stg_articles
-- Relations the text states, one row per copy, as signals (+1 agree, -1 disagree), parties
-- in order, at the level stated and, for two officials or bodies that speak for different
-- states (agreements.country_a / country_b), at country level too: domestic politicians are
-- never pooled into their country. `stated_key` makes a relation stated once per story: its
-- syndicated copies, and the party-level statement lifted onto the countries.
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
        agreements.kind,
        agreements.evidence,
        agreements.country_a,
        agreements.country_b,
        coalesce(articles.published_at, articles.fetched_at) as said_at
    from stg_agreements as agreements
    inner join stg_articles as articles using (article_id)
    inner join int_article_groups using (article_id)
    where agreements.party_a <> agreements.party_b
),

lifted_to_countries as (
    select
        agreement_id,
        article_id,
        group_id,
        topic,
        'country' as level,
        least(country_a, country_b) as party_a,
        greatest(country_a, country_b) as party_b,
        relation,
        kind,
        evidence,
        country_a,
        country_b,
        said_at
    from stated
    where level <> 'country' and country_a <> country_b
),

both_levels as (
    select * from stated
    union all
    select * from lifted_to_countries
)

select
    * exclude (country_a, country_b),
    case relation when 'agree' then 1 else -1 end as signal,
    md5(concat_ws(chr(31), group_id, level, topic, party_a, party_b, relation)) as stated_key
from both_levels
