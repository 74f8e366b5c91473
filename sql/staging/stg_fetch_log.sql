-- depends on: raw_fetch_log
-- Every fetch outcome of every committed run, once: a compaction killed half-way leaves
-- a partition's rows in two files for a while.
select *
from raw_fetch_log
qualify row_number() over (partition by run_id, url, fetched_at order by status) = 1
