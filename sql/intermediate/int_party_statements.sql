-- Attributed statements, one row per copy, by the person who said them and by the country
-- that person speaks for: the parties whose stances pair agreement compares. Words and
-- sentences stay in int_statements, as this table holds each statement twice.
with attributed as (
    select quote_id, article_id, group_id, statement_key, speaker, affiliation, topic, side, said_at
    from int_statements
    where speaker is not null
)

select 'person' as level, speaker as party, *
from attributed
union all
select 'country' as level, affiliation as party, *
from attributed
where affiliation is not null
