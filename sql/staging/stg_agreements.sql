-- depends on: raw_agreements, stg_articles
-- Rows of each article's latest parse only, one per key.
with current_parse as (
    select article_id, run_id
    from stg_articles
),

rows_of_current_parse as (
    -- files written before kind and directed existed read them as NULL: the relation, undirected
    select raw_agreements.* replace (coalesce(raw_agreements.kind, raw_agreements.relation) as kind,
                                     coalesce(raw_agreements.directed, false) as directed)
    from raw_agreements
    inner join current_parse using (article_id, run_id)
)

select *
from rows_of_current_parse
qualify row_number() over (partition by article_id, agreement_id order by run_id desc) = 1
