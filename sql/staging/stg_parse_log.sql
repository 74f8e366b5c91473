-- Every parse outcome of every committed run.
select *
from raw_parse_log
