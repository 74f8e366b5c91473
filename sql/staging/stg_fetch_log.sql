-- Every fetch outcome of every committed run.
select *
from raw_fetch_log
