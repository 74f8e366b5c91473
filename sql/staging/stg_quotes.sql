-- depends on: raw_quotes, stg_articles
-- Statements of each article's latest parse only, one per key, each with a statement key:
-- the same speaker saying the same words (quotation marks, case, white space and the
-- punctuation at either end aside) has the same key in every copy of a syndicated story.
with current_parse as (
    select article_id, run_id
    from stg_articles
),

rows_of_current_parse as (
    -- files written before in_title existed read it as NULL: body statements
    select raw_quotes.* replace (coalesce(raw_quotes.in_title, false) as in_title)
    from raw_quotes
    inner join current_parse using (article_id, run_id)
),

deduplicated as (
    select *
    from rows_of_current_parse
    qualify row_number() over (partition by article_id, quote_id order by run_id desc) = 1
),

normalised as (
    select
        *,
        trim(regexp_replace(
            regexp_replace(
                regexp_replace(lower(text), '["''`´‘’‚‛“”„‟«»‹›]', '', 'g'),
                '[\s\pZ]+', ' ', 'g'),
            '^[[:punct:] ]+|[[:punct:] ]+$', '', 'g')) as normalised_text
    from deduplicated
)

select
    * exclude (normalised_text),
    md5(coalesce(speaker, '') || chr(31) || normalised_text) as statement_key
from normalised
