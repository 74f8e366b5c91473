-- depends on: raw_parse_log
-- Every parse outcome of every committed run, once: a compaction killed half-way leaves
-- a partition's rows in two files for a while.
select *
from raw_parse_log
qualify row_number() over (partition by run_id, url, parsed_at order by status) = 1
