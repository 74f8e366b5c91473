-- depends on: stg_parse_log
-- One row per parse outcome; failed rows carry the reason the page gave no article.
select *
from stg_parse_log
order by parsed_at desc
