-- depends on: raw_article_speakers, stg_articles
-- Rows of each article's latest parse only, one per key.
with current_parse as (
    select article_id, run_id
    from stg_articles
),

rows_of_current_parse as (
    select raw_article_speakers.*
    from raw_article_speakers
    inner join current_parse using (article_id, run_id)
)

select *
from rows_of_current_parse
qualify row_number() over (partition by article_id, speaker order by run_id desc) = 1
