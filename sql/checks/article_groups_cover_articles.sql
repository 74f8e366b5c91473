-- Every article belongs to exactly one near-duplicate group, and each group is named after
-- one of its own articles: no copy is dropped and no group points nowhere.
select 'not grouped' as problem, articles.article_id
from articles
anti join article_groups using (article_id)
union all
select 'grouped twice', article_id
from article_groups
group by article_id
having count(*) > 1
union all
select 'group without its representative', groups.group_id
from article_groups as groups
anti join article_groups as representatives
    on representatives.article_id = groups.group_id and representatives.group_id = groups.group_id
