-- depends on: stg_fetch_log
-- One row per fetch outcome, newest first.
select *
from stg_fetch_log
order by fetched_at desc
