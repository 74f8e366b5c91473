-- Every statement appears once.
select quote_id, count(*) as copies
from quotes
group by quote_id
having count(*) > 1
