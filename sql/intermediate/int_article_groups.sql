-- depends on: near_duplicates, stg_articles
-- Every article with the near-duplicate group it belongs to (wire copies, updated versions,
-- one story under several URLs). No copy is dropped: each is linked to its group, named by
-- its representative's article_id. Articles the grouper left out stand alone.
with articles as (
    select article_id
    from stg_articles
),

grouped as (
    select
        articles.article_id,
        coalesce(near_duplicates.group_id, articles.article_id) as group_id
    from articles
    left join near_duplicates using (article_id)
)

select
    article_id,
    group_id,
    article_id = group_id as is_representative,
    count(*) over (partition by group_id) as copies
from grouped
