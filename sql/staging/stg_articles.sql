-- depends on: raw_articles
-- The latest parse of each article: re-parsing an article replaces its rows.
with versions as (
    select
        *,
        row_number() over (partition by article_id order by run_id desc) as version_rank
    from raw_articles
)

select * exclude (version_rank)
from versions
where version_rank = 1
