-- depends on: stg_articles
-- One row per article (its latest parse): the contract table analysts and scorers read.
select
    article_id,
    url,
    canonical_url,
    source,
    title,
    authors,
    published_at,
    modified_at,
    text,
    language,
    site_name,
    fetched_at,
    published_date,
    parser_version,
    run_id
from stg_articles
