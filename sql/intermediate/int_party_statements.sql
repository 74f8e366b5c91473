-- depends on: int_statements
-- Attributed statements, one row per copy, at three levels: every speaker as it spoke
-- (`speaker`, for speaker_topic_stance), people (`person`) and countries (`country`), the
-- parties whose stances pair agreement compares. A country speaking ("Russia said") is a
-- party at country level only, never compared with people; a person or an organisation
-- counts for the country it speaks for. Words and sentences stay in int_statements.
with attributed as (
    select
        quote_id,
        article_id,
        group_id,
        statement_key,
        speaker,
        case when speaker_kind = 'country' then speaker else affiliation end as country,
        speaker_kind,
        topic,
        side,
        said_at
    from int_statements
    where speaker is not null
)

select 'speaker' as level, speaker as party, * exclude (country, speaker_kind)
from attributed
union all
select 'person' as level, speaker as party, * exclude (country, speaker_kind)
from attributed
where speaker_kind = 'person'
union all
select 'country' as level, country as party, * exclude (country, speaker_kind)
from attributed
where country is not null
