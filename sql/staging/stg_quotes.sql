-- Rows of each article's latest parse only, one per key.
with current_parse as (
    select article_id, run_id
    from stg_articles
),

rows_of_current_parse as (
    select raw_quotes.*
    from raw_quotes
    inner join current_parse using (article_id, run_id)
)

select *
from rows_of_current_parse
qualify row_number() over (partition by article_id, quote_id order by run_id desc) = 1
