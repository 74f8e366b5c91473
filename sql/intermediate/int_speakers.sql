-- depends on: stg_article_speakers
-- One row per canonical speaker: the role and affiliation most articles give, every alias used.
with mentions as (
    select speaker, role, affiliation, kind, aliases
    from stg_article_speakers
    where speaker is not null
),

aliases as (
    select speaker, list(distinct alias order by alias) as aliases
    from (select speaker, unnest(aliases) as alias from mentions)
    group by speaker
)

select
    mentions.speaker,
    mode(mentions.role) as role,
    mode(mentions.affiliation) as affiliation,
    coalesce(any_value(aliases.aliases), []::varchar[]) as aliases,
    mode(mentions.kind) as kind,
    count(*) as articles
from mentions
left join aliases using (speaker)
group by mentions.speaker
